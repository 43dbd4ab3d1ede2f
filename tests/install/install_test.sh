#!/usr/bin/env bash
# Installs the build into a fresh prefix and makes the Debian package, then renders the sample
# documents with each copy from a folder outside the checkout: the installed program must find
# its data beside itself, with no path of the build machine baked in.
#   install_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
source=$(cd "$2" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "install_test: $*" >&2; exit 1; }

# Samples copied out of the checkout; the programs run from $work with a minimal environment.
mkdir -p "$work/in"
cp "$source"/content/documents/*.xml "$work/in/"
run_clean() { (cd "$work" && env -i PATH=/usr/bin:/bin HOME="$work" "$@"); }

check_renders() {  # PROGRAM LABEL
  local out="$work/out-$2"
  run_clean "$1" render "$work"/in/*.xml -o "$out" || fail "$2: vanban render failed"
  for xml in "$work"/in/*.xml; do
    local name; name=$(basename "$xml" .xml)
    [[ -s "$out/$name.pdf" && -s "$out/$name.html" ]] || fail "$2: $name.pdf or $name.html missing"
  done
  # A sanitizer build keeps the names of its source files for its reports (its metadata of
  # globals and the names of lambda types ignore -fmacro-prefix-map): "SOURCE/x.cpp" or
  # "SOURCE/x.h:184:22)" are not paths the program opens, so only other names count.
  local named
  named=$(grep -aoE -- "$source[^[:cntrl:]]*" "$1" | grep -vE '^[^ ]*\.(cpp|h)(:|\)|$)' | head -n 1) || true
  [[ -z $named ]] || fail "$2: the program names the checkout: $named"
}

# 1. cmake --install into a temporary prefix.
prefix="$work/prefix"
cmake --install "$build" --prefix "$prefix" --strip > /dev/null
for f in bin/vanban share/vanban/templates/profiles share/vanban/templates/schema/document.rng \
         share/vanban/fonts/LiberationSerif-Regular.ttf share/man/man1/vanban.1 \
         share/bash-completion/completions/vanban share/doc/vanban/README.md; do
  [[ -e "$prefix/$f" ]] || fail "cmake --install did not install $f"
done
check_renders "$prefix/bin/vanban" prefix
man -l "$prefix/share/man/man1/vanban.1" > /dev/null 2>&1 || [[ ! -x /usr/bin/man ]] || fail "the man page does not format"
bash -n "$prefix/share/bash-completion/completions/vanban" || fail "the completion script is not valid bash"

# 2. The Debian package: declared dependencies, and the same program unpacked elsewhere.
(cd "$work" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/deb" > "$work/cpack.log") ||
  { cat "$work/cpack.log" >&2; fail "cpack -G DEB failed"; }
deb=$(ls "$work"/deb/vanban_*.deb)
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libpodofo libxml2 libicu libfreetype icc-profiles-free; do
  [[ $depends == *"$lib"* ]] || fail "the package does not depend on $lib (Depends: $depends)"
done
dpkg-deb -x "$deb" "$work/root"
[[ -x "$work/root/usr/bin/vanban" && -d "$work/root/usr/share/vanban/templates" ]] || fail "the package lacks usr/bin/vanban or its data"
check_renders "$work/root/usr/bin/vanban" deb
echo "install_test: prefix and Debian package render every sample (Depends: $depends)"
