#!/bin/bash
# The Lakebench launcher of the Linux app image (bin/lakebench, also what the desktop entry starts): starts the
# image's Java runtime with what jpackage's launcher configuration says (lib/app/lakebench.cfg: class path, main
# class, Java options, with $APPDIR, $ROOTDIR and $BINDIR as jpackage expands them). It stands in for jpackage's
# native launcher, which asks rpm and dpkg at every start which package owns it (twice, before the JVM starts;
# dpkg -S alone takes 0.15 s and more the more packages a machine has) to find its own helper library.
# The library path also gets LD_LIBRARY_PATH after the image's own folders, as the jar's launcher does (a
# configuration file cannot expand it): libraries the user installed elsewhere are found by name.
self=$(readlink -f -- "$0") # the real file, also when started through a symbolic link
root=${self%/bin/*}
app=$root/lib/app
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
    java-options=*) options+=("${line#java-options=}") ;;
  esac
done <"$app/lakebench.cfg"
exec "$root/lib/runtime/bin/java" "${options[@]}" -Djpackage.app-path="$self" -cp "$classpath" "$main" "$@"
