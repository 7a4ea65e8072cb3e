package dev.lakebench.core.client;

/** An organisation of a managed deployment that a token's user belongs to; its id goes in {@code X-Activeloop-Org-Id}. */
public record OrganizationInfo(String id, String name) {

    /** "id (name)", or the id alone when the name adds nothing. */
    @Override
    public String toString() {
        return name == null || name.isBlank() || name.equals(id) ? id : id + " (" + name + ")";
    }
}
