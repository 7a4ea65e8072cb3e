#!/bin/bash
# The Lakebench launcher of the Linux app image (bin/lakebench, also what the desktop entry starts): starts the
# image's Java runtime with what jpackage's launcher configuration says (lib/app/lakebench.cfg: class path, main
# class, Java options, with $APPDIR, $ROOTDIR and $BINDIR as jpackage expands them). It stands in for jpackage's
# native launcher, which asks rpm and dpkg at every start which package owns it (twice, before the JVM starts;
# dpkg -S alone takes 0.15 s and more the more packages a machine has) to find its own helper library.
# The library path also gets LD_LIBRARY_PATH after the image's own folders, as the jar's launcher does (a
# configuration file cannot expand it): libraries the user installed elsewhere are found by name.
# Per command it chooses the JIT and the AOT cache as the jar's launcher does (app/src/main/launcher/lakebench;
# ImageLauncherScriptTest holds the two to the same choices): commands that only read the catalog start with the
# first JIT tier alone, a query and the workbench without replaying the training's profiles, and the workbench
# gets its own cache (lakebench-workbench.aot, when the build made one), later compilation and its young
# generation's floor.
self=$(readlink -f -- "$0") # the real file, also when started through a symbolic link
root=${self%/bin/*}
app=$root/lib/app
mode=workbench
skip=
for a in "$@"; do
  if [ -n "$skip" ]; then skip=; continue; fi
  case "$a" in
    --data-dir|--workspace|--remote|--token-env|--org|--allow-files|--postgres|--password-env) skip=1 ;;
    -V|--version|-h|--help) mode=catalog; break ;;
    -*) ;;
    tables|schema|workspaces|info|help) mode=catalog; break ;;
    query) mode=query; break ;;
    *) mode=command; break ;;
  esac
done
case $mode in
  catalog) jit=(-XX:TieredStopAtLevel=1) ;;
  query|workbench) jit=(-XX:+UnlockDiagnosticVMOptions -XX:-AOTReplayTraining) ;;
  *) jit=() ;;
esac
options=()
classpath=
main=
while IFS= read -r line || [ -n "$line" ]; do
  line=${line//\$APPDIR/$app}
  line=${line//\$ROOTDIR/$root}
  line=${line//\$BINDIR/$root/bin}
  case $line in
    app.classpath=*) classpath=${classpath:+$classpath:}${line#app.classpath=} ;;
    app.mainclass=*) main=${line#app.mainclass=} ;;
    java-options=-Djava.library.path=*)
      path=${line#java-options=-Djava.library.path=}
      case $path in "$app/lib:$app"*) path=$app/lib:$app${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}${path#"$app/lib:$app"} ;; esac
      options+=("-Djava.library.path=$path") ;;
    java-options=-XX:AOTCache=$app/lakebench.aot)
      if [ $mode = workbench ] && [ -f "$app/lakebench-workbench.aot" ]; then
        options+=("-XX:AOTCache=$app/lakebench-workbench.aot")
      else
        options+=("${line#java-options=}")
      fi ;;
    java-options=-XX:CompileThresholdScaling=*|java-options=-XX:Tier4*|java-options=-XX:NewSize=*|\
    java-options=-XX:+UseTransparentHugePages)
      [ $mode = workbench ] && options+=("${line#java-options=}") ;;
    java-options=*) options+=("${line#java-options=}") ;;
  esac
done <"$app/lakebench.cfg"
# as the jar's launcher: no D-Bus session bus to reach and none to start, the workbench says so (else GTK tries
# to start one, forking the JVM, about 0.1 s before the first frame)
if [ $mode = workbench ] && [ -z "$DBUS_SESSION_BUS_ADDRESS" ] && [ ! -S "${XDG_RUNTIME_DIR:-/nonexistent}/bus" ] \
  && ! command -v dbus-launch >/dev/null 2>&1; then
  export DBUS_SESSION_BUS_ADDRESS=disabled:
fi
exec "$root/lib/runtime/bin/java" "${options[@]}" "${jit[@]}" -Djpackage.app-path="$self" -cp "$classpath" \
  "$main" "$@"
