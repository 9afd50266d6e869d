# syntax=docker/dockerfile:1
#
# Baton in a container:
#
#     docker build -t baton .
#     docker run --rm -v "$PWD:/work" baton check .
#     docker run --rm -v "$PWD:/work" baton render design.baton -o design.svg
#
# Two stages. The first builds the release binary on the official Swift image with
# scripts/build-release.sh: the Swift runtime and Foundation are linked into it, so it needs
# only glibc, libm, libstdc++ and libgcc_s at run time. The second is distroless "cc" (exactly
# those libraries, no shell, no package manager) with that one binary, run as an unprivileged
# user. Both stages are Debian 12, so the binary meets the C library it was linked against.
# docs/install.md says more.

ARG SWIFT_VERSION=6.3

FROM swift:${SWIFT_VERSION}-bookworm AS build
WORKDIR /src
COPY . .
RUN scripts/build-release.sh > /tmp/baton-path \
    && install -D -m 755 "$(cat /tmp/baton-path)" /out/baton \
    && /out/baton --version

FROM gcr.io/distroless/cc-debian12:nonroot
COPY --from=build /out/baton /usr/local/bin/baton
# The design files come in through a volume mounted here; the numeric user (distroless's
# "nonroot") needs no /etc/passwd entry, and `docker run --user "$(id -u):$(id -g)"` writes
# files as the caller instead.
WORKDIR /work
USER 65532:65532
ENTRYPOINT ["/usr/local/bin/baton"]
CMD ["--help"]
