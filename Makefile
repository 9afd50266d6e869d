# Builds and installs baton: the binary, its manual pages and its shell completions.
#
#   make                                    build the release binary (scripts/build-release.sh)
#   make install                            install under /usr/local (sudo make install)
#   make install PREFIX=$HOME/.local        install for one user
#   make install DESTDIR=/tmp/pkg PREFIX=/usr   stage the files for a package
#   make install BATON=path/to/baton        install a binary built elsewhere
#   make uninstall PREFIX=...               remove what install put there
#
# install does not build (so `sudo make install` does not run SwiftPM as root); it takes the
# binary that `make` built. The manual pages and completion scripts are written at install time
# by that binary (`baton man`, `baton completions`), from the same command descriptions as its
# --help, so they always describe the binary they are installed with. docs/install.md has more.

PREFIX ?= /usr/local
DESTDIR ?=
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
BASH_COMPLETION_DIR ?= $(PREFIX)/share/bash-completion/completions
ZSH_COMPLETION_DIR ?= $(PREFIX)/share/zsh/site-functions
FISH_COMPLETION_DIR ?= $(PREFIX)/share/fish/vendor_completions.d

# The binary to install: by default the one scripts/build-release.sh writes.
BATON ?= .build/dist/baton
INSTALL ?= install

# The date printed on the manual pages: that of the last commit (reproducible builds), none
# outside a git checkout.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)
export SOURCE_DATE_EPOCH

.PHONY: all build install uninstall

all: build

build:
	scripts/build-release.sh

install:
	@test -x "$(BATON)" || { echo "make install: no binary at $(BATON); run 'make' first, or pass BATON=path/to/baton" >&2; exit 1; }
	$(INSTALL) -d "$(DESTDIR)$(BINDIR)" "$(DESTDIR)$(MANDIR)/man1" "$(DESTDIR)$(BASH_COMPLETION_DIR)" \
		"$(DESTDIR)$(ZSH_COMPLETION_DIR)" "$(DESTDIR)$(FISH_COMPLETION_DIR)"
	$(INSTALL) -m 755 "$(BATON)" "$(DESTDIR)$(BINDIR)/baton"
	@set -e; stage="$$(mktemp -d)"; trap 'rm -rf "$$stage"' EXIT; \
	"$(BATON)" man > "$$stage/baton.1"; \
	for command in $$("$(BATON)" man --list); do "$(BATON)" man "$$command" > "$$stage/baton-$$command.1"; done; \
	"$(BATON)" completions bash > "$$stage/baton.bash"; \
	"$(BATON)" completions zsh > "$$stage/_baton"; \
	"$(BATON)" completions fish > "$$stage/baton.fish"; \
	echo "$(INSTALL) -m 644 baton.1 baton-*.1 $(DESTDIR)$(MANDIR)/man1/"; \
	$(INSTALL) -m 644 "$$stage"/*.1 "$(DESTDIR)$(MANDIR)/man1/"; \
	$(INSTALL) -m 644 "$$stage/baton.bash" "$(DESTDIR)$(BASH_COMPLETION_DIR)/baton"; \
	$(INSTALL) -m 644 "$$stage/_baton" "$(DESTDIR)$(ZSH_COMPLETION_DIR)/_baton"; \
	$(INSTALL) -m 644 "$$stage/baton.fish" "$(DESTDIR)$(FISH_COMPLETION_DIR)/baton.fish"; \
	echo "installed $(DESTDIR)$(BINDIR)/baton, its manual pages and its bash, zsh and fish completions"

uninstall:
	rm -f "$(DESTDIR)$(BINDIR)/baton" "$(DESTDIR)$(MANDIR)/man1/baton.1" "$(DESTDIR)$(MANDIR)"/man1/baton-*.1 \
		"$(DESTDIR)$(BASH_COMPLETION_DIR)/baton" "$(DESTDIR)$(ZSH_COMPLETION_DIR)/_baton" \
		"$(DESTDIR)$(FISH_COMPLETION_DIR)/baton.fish"
