# gongkai — two commands for a new user:
#   make demo   set up, build, and run the main job on the bundled samples
#   make test   set up, build, and run every test
# Every system package the build or the tests need is installed when missing.

SWIFT        ?= swift
BUILD_FLAGS  ?=
DEBIAN_PKGS  := libxlsxwriter-dev zlib1g-dev pkg-config libreoffice-calc-nogui
SAMPLES      := $(wildcard Tests/Fixtures/samples/*.txt)
BIN           = $(shell $(SWIFT) build $(BUILD_FLAGS) --show-bin-path)/gongkai

.PHONY: setup build demo outputs test clean

# Installs the Debian packages that are missing (apt-get update once, then install).
setup:
	@missing=""; for p in $(DEBIAN_PKGS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

build: setup
	$(SWIFT) build $(BUILD_FLAGS)

# Converts every bundled sample into Outputs/ and says where.
demo: build
	@$(BIN) convert $(SAMPLES) -o Outputs
	@echo "Standardized workbooks are in $(CURDIR)/Outputs/"

# Regenerates the committed workbooks in Outputs/ on purpose (a test
# fails when they differ from what the code produces).
outputs: build
	rm -f Outputs/*.xlsx
	$(BIN) convert $(SAMPLES) -o Outputs

test: build
	$(SWIFT) test $(BUILD_FLAGS)

clean:
	rm -rf .build
