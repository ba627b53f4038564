SHELL := /bin/bash
# gongkai — two commands for a new user:
#   make demo   set up, build, and run the main job on the bundled samples
#   make test   set up, build, and run every test
# Every system package the build or the tests need is installed when missing.

SWIFT        ?= swift
BUILD_FLAGS  ?=
DEBIAN_PKGS  := libxlsxwriter-dev zlib1g-dev pkg-config libpoppler-glib-dev libreoffice-calc-nogui
SAMPLES      := $(wildcard Tests/Fixtures/samples/*.txt)
BIN           = $(shell $(SWIFT) build $(BUILD_FLAGS) --show-bin-path)/gongkai

.PHONY: setup build demo outputs test fuzz bench clean

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

# Fuzzing with libFuzzer: the text parser, the PDF reader and the workbook reader, seeded
# with pieces of the samples and small workbooks (Tests/Fixtures/fuzz-seeds).
# Crashes land in Tests/Fixtures/fuzz/, which the tests replay.
# FUZZ_RUNS executions per target. Swift's own backtracer is off so that
# libFuzzer sees the crash and writes the input.
FUZZ_RUNS  ?= 1000000
# A PDF run is a whole document through poppler: fewer of them.
PDF_FUZZ_RUNS ?= 20000
FUZZ_BUILD := .build-fuzz
FUZZ_OBJ    = $(FUZZ_BUILD)/release
FUZZ_FLAGS := -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
fuzz: setup
	$(SWIFT) build --scratch-path $(FUZZ_BUILD) -c release -Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING --target gongkai-fuzz
	@# SwiftPM gives executables their own main; libFuzzer brings one, so link by hand.
	$(SWIFT)c -sanitize=fuzzer -emit-executable -o $(FUZZ_BUILD)/gongkai-fuzz \
	  $$(ls $(FUZZ_OBJ)/{GongkaiModel,GongkaiTemplates,GongkaiPDF,GongkaiParse,GongkaiXLSX,GongkaiConvert,GongkaiCheck,ZIPFoundation,gongkai_fuzz}.build/*.o) \
	  -lxlsxwriter -lz $$(pkg-config --libs poppler-glib)
	mkdir -p $(FUZZ_BUILD)/corpus/parse $(FUZZ_BUILD)/corpus/xlsx Tests/Fixtures/fuzz
	SWIFT_BACKTRACE=enable=no GONGKAI_FUZZ_TARGET=parse $(FUZZ_BUILD)/gongkai-fuzz $(FUZZ_FLAGS) -max_len=4096 -runs=$(FUZZ_RUNS) \
	  -artifact_prefix=Tests/Fixtures/fuzz/parse- $(FUZZ_BUILD)/corpus/parse Tests/Fixtures/fuzz-seeds/parse
	@# The PDF target is seeded with the real corpus beside the clone (never copied into the repository).
	mkdir -p $(FUZZ_BUILD)/corpus/pdf $(FUZZ_BUILD)/seeds/pdf
	-cp ../shared/corpus/real/*.pdf $(FUZZ_BUILD)/seeds/pdf/ 2>/dev/null
	SWIFT_BACKTRACE=enable=no GONGKAI_FUZZ_TARGET=pdf $(FUZZ_BUILD)/gongkai-fuzz $(FUZZ_FLAGS) -max_len=1100000 -runs=$(PDF_FUZZ_RUNS) \
	  -artifact_prefix=Tests/Fixtures/fuzz/pdf- $(FUZZ_BUILD)/corpus/pdf $(FUZZ_BUILD)/seeds/pdf
	SWIFT_BACKTRACE=enable=no GONGKAI_FUZZ_TARGET=xlsx $(FUZZ_BUILD)/gongkai-fuzz $(FUZZ_FLAGS) -max_len=16384 -runs=$(FUZZ_RUNS) \
	  -artifact_prefix=Tests/Fixtures/fuzz/xlsx- $(FUZZ_BUILD)/corpus/xlsx Tests/Fixtures/fuzz-seeds/xlsx

# Benchmarks (not timed tests): gongkai beside the Python route, the C
# floor and datacompy, measured in one run; results in Benchmarks/results.md.
# DOCS and HUGE_ROWS scale the corpus (defaults: 2000 documents, 1,000,000 rows).
PIP_PKGS := XlsxWriter datacompy pandas
bench: setup
	@missing=""; for p in $(PIP_PKGS); do python3 -c "import importlib.util,sys; sys.exit(importlib.util.find_spec('$$(echo $$p | tr A-Z a-z)') is None)" 2>/dev/null || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then echo "installing (pip):$$missing"; \
	  python3 -m pip install -q $$missing 2>/dev/null || python3 -m pip install -q --break-system-packages $$missing; fi
	@command -v gcc >/dev/null || { SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; $$SUDO apt-get install -y -qq gcc; }
	Benchmarks/bench.sh

clean:
	rm -rf .build
