// Packs PNG images into a Windows .ico or a macOS .icns file (JDK single-file program, no dependencies):
//   java IconPack.java ico  OUT.ico  16.png 24.png 32.png 48.png 64.png 128.png 256.png
//   java IconPack.java icns OUT.icns 16.png 32.png 64.png 128.png 256.png 512.png 1024.png
// Both formats store the PNG bytes as they are (ICO: PNG entries, read since Windows Vista; ICNS: the PNG-based
// element types read since macOS 10.7), so the pictures stay exactly as rendered and the output is byte-for-byte
// reproducible. The pixel size of each PNG is read from its IHDR header.
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public class IconPack {

    record Png(int size, byte[] bytes, String name) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3 || !(args[0].equals("ico") || args[0].equals("icns"))) {
            System.err.println("usage: IconPack ico|icns OUT IN.png...");
            System.exit(2);
        }
        List<Png> pngs = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            pngs.add(read(Path.of(args[i])));
        }
        pngs.sort(Comparator.comparingInt(Png::size));
        byte[] out = args[0].equals("ico") ? ico(pngs) : icns(pngs);
        Files.write(Path.of(args[1]), out);
        System.err.println("wrote " + args[1] + " (" + out.length + " bytes, " + pngs.size() + " images)");
    }

    static Png read(Path p) throws IOException {
        byte[] b = Files.readAllBytes(p);
        byte[] sig = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        for (int i = 0; i < sig.length; i++) {
            if (b.length < 24 || b[i] != sig[i]) {
                throw new IOException(p + " is not a PNG file");
            }
        }
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.BIG_ENDIAN);
        int w = bb.getInt(16);
        int h = bb.getInt(20);
        if (w != h) {
            throw new IOException(p + " is " + w + "x" + h + "; icons must be square");
        }
        return new Png(w, b, p.toString());
    }

    /** ICONDIR, one ICONDIRENTRY per image (width/height 0 means 256), then the PNG data. */
    static byte[] ico(List<Png> pngs) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(6 + 16 * pngs.size()).order(ByteOrder.LITTLE_ENDIAN);
        head.putShort((short) 0).putShort((short) 1).putShort((short) pngs.size());
        int offset = head.capacity();
        for (Png p : pngs) {
            if (p.size > 256) {
                throw new IOException(p.name + ": ICO images are at most 256 px");
            }
            head.put((byte) (p.size == 256 ? 0 : p.size)).put((byte) (p.size == 256 ? 0 : p.size));
            head.put((byte) 0).put((byte) 0).putShort((short) 1).putShort((short) 32);
            head.putInt(p.bytes.length).putInt(offset);
            offset += p.bytes.length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(head.array());
        for (Png p : pngs) {
            out.write(p.bytes);
        }
        return out.toByteArray();
    }

    /**
     * 'icns' + total length, then elements (OSType + length including its 8-byte header + PNG data). Each pixel size
     * is stored under every type that means it (e.g. 32 px as icp5 = 32x32 and ic11 = 16x16@2x).
     */
    static byte[] icns(List<Png> pngs) throws IOException {
        Map<Integer, List<String>> types = new LinkedHashMap<>();
        types.put(16, List.of("icp4"));
        types.put(32, List.of("icp5", "ic11"));
        types.put(64, List.of("icp6", "ic12"));
        types.put(128, List.of("ic07"));
        types.put(256, List.of("ic08", "ic13"));
        types.put(512, List.of("ic09", "ic14"));
        types.put(1024, List.of("ic10"));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(body);
        for (Png p : pngs) {
            List<String> t = types.get(p.size);
            if (t == null) {
                throw new IOException(p.name + ": ICNS has no element type for " + p.size + " px; use " + types.keySet());
            }
            for (String type : t) {
                d.writeBytes(type);
                d.writeInt(8 + p.bytes.length);
                d.write(p.bytes);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream o = new DataOutputStream(out);
        o.writeBytes("icns");
        o.writeInt(8 + body.size());
        o.write(body.toByteArray());
        return out.toByteArray();
    }
}
