#!/usr/bin/env bash
# Builds the `baton` that people install: release mode, with the Swift runtime and Foundation
# linked into the binary (so it runs where no Swift toolchain is installed), stripped of its
# symbols. Prints the binary's absolute path as the only line on standard output — SwiftPM's
# progress goes to standard error — so scripts can say:
#
#     BATON="$(scripts/build-release.sh)"
#
# The binary lands in .build/dist/baton (SwiftPM's own product is left untouched, so the next
# build is still incremental). On Linux it still loads the C library, libm, libstdc++ and
# libgcc_s from the system — every glibc distribution has them — and the script fails if any
# Swift library (libswift*, libFoundation*, libdispatch, libBlocksRuntime) is left dynamic.
# A build takes minutes on two cores; run it once and reuse the binary (CI passes it to the
# tests as BATON_RELEASE_BINARY).
set -euo pipefail
cd "$(dirname "$0")/.."

flags=(-c release --product baton)
# On Linux, --static-swift-stdlib links the Swift runtime and Foundation (with its ICU data)
# statically. macOS has the Swift runtime in the OS and does not take the flag.
if [ "$(uname -s)" = "Linux" ]; then flags+=(--static-swift-stdlib); fi

link=()
if [ "$(uname -s)" = "Linux" ] && [ -f scripts/function-order.txt ]; then
  # The functions common work runs, placed side by side (scripts/order-functions.sh says why
  # and makes the list): each of Baton's functions gets a section of its own (the runtime's
  # and Foundation's mostly have one already), and gold, Swift's linker on Linux (named here,
  # since the option is gold's), puts the listed ones first.
  link+=(-Xswiftc -Xfrontend -Xswiftc -function-sections -Xswiftc -use-ld=gold
         -Xlinker "--section-ordering-file=$PWD/scripts/function-order.txt")
fi

if [ "$(uname -s)" = "Linux" ]; then
  # SwiftPM exports every symbol of an executable (so that tests can link against it): 11,000
  # names in the dynamic symbol table, which the Swift runtime searched on every start (`dladdr`,
  # to find where it was loaded from). Nothing looks a name up in the binary people install, so
  # `main` alone stays exported: a one-line check x1.06 (54 of 60 alternating pairs faster),
  # its peak 0.5 MB lower, the binary 0.9 MB smaller.
  link+=(-Xlinker "--version-script=$PWD/scripts/exported-symbols.map")
fi

swift build "${flags[@]}" ${link[@]+"${link[@]}"} >&2
built="$(swift build "${flags[@]}" ${link[@]+"${link[@]}"} --show-bin-path)/baton"

dist=.build/dist
mkdir -p "$dist"
cp "$built" "$dist/baton.partial"
strip "$dist/baton.partial"
mv -f "$dist/baton.partial" "$dist/baton"

if [ "$(uname -s)" = "Linux" ]; then
  if ldd "$dist/baton" | grep -E 'libswift|libFoundation|lib_Foundation|libdispatch|libBlocksRuntime' >&2; then
    echo "build-release.sh: $dist/baton still loads the Swift libraries above at run time" >&2
    exit 1
  fi
fi
echo "$PWD/$dist/baton"
