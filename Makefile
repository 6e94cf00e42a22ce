# A thin wrapper over Meson for the README's two commands.
#   make          build build/waymark, the library and the tests (installs nothing)
#   make demo     install what is missing, build, load the bundled sample, show it and serve it
#   make check    install what is missing, build, run every test (also under ASan+UBSan,
#                 and each fuzz target for CHECK_FUZZ_SECONDS)
#   make fuzz     run each libFuzzer target for FUZZ_SECONDS (FUZZ_TARGETS="dbx tsc" for some)
#   make valgrind run the end-to-end tests and the fuzz corpus under valgrind memcheck

BUILD      ?= build
ASAN_BUILD ?= build-asan
FUZZ_BUILD ?= build-fuzz
DEMO_DB    ?= demo.db
NINJA      ?= ninja
FUZZ_SECONDS       ?= 60
CHECK_FUZZ_SECONDS ?= 3
FUZZ_TARGETS       ?=

.PHONY: all deps test-deps demo check asan fuzz-build fuzz valgrind clean

# Meson lists tests/fuzz/fuzz_*.c when it configures: reconfigure a build
# directory that has not seen the targets there are now.
FUZZ_NAMES := $(sort $(basename $(notdir $(wildcard tests/fuzz/fuzz_*.c))))
fuzz_sync = @have=$$(sed -n 's|^build tests/fuzz/\(fuzz_[a-z0-9_]*\): .*|\1|p' $(1)/build.ninja | \
	LC_ALL=C sort | tr '\n' ' '); [ "$$(echo $$have)" = "$(FUZZ_NAMES)" ] || \
	meson setup --reconfigure $(1) >/dev/null

all: $(BUILD)/build.ninja
	$(call fuzz_sync,$(BUILD))
	@$(NINJA) -C $(BUILD)

$(BUILD)/build.ninja:
	@scripts/check-deps
	meson setup $(BUILD) --buildtype=debugoptimized

$(ASAN_BUILD)/build.ninja:
	@scripts/check-deps
	meson setup $(ASAN_BUILD) --buildtype=debug -Db_sanitize=address,undefined -Db_lundef=false

# The fuzzing build: clang, libFuzzer, ASan and UBSan (scripts/install-deps --test).
$(FUZZ_BUILD)/build.ninja:
	@scripts/check-deps --fuzz
	CC=clang meson setup $(FUZZ_BUILD) --buildtype=debug -Dfuzz=true \
	    -Db_sanitize=address,undefined -Db_lundef=false

asan: $(ASAN_BUILD)/build.ninja
	$(call fuzz_sync,$(ASAN_BUILD))
	@$(NINJA) -C $(ASAN_BUILD)

fuzz-build: $(FUZZ_BUILD)/build.ninja
	$(call fuzz_sync,$(FUZZ_BUILD))
	@$(NINJA) -C $(FUZZ_BUILD)

deps:
	@scripts/install-deps

test-deps:
	@scripts/install-deps --test

demo: deps
	@$(MAKE) --no-print-directory all
	@scripts/demo $(BUILD)/waymark $(DEMO_DB)

check: test-deps
	@$(MAKE) --no-print-directory all asan fuzz-build
	@tests/run --build $(BUILD) --asan-build $(ASAN_BUILD) \
	    --fuzz-build $(FUZZ_BUILD) --fuzz-seconds $(CHECK_FUZZ_SECONDS)

fuzz: test-deps
	@$(MAKE) --no-print-directory fuzz-build
	@scripts/fuzz --build $(FUZZ_BUILD) --seconds $(FUZZ_SECONDS) $(FUZZ_TARGETS)

valgrind: test-deps
	@$(MAKE) --no-print-directory all
	@tests/run --build $(BUILD) --valgrind --only "$(ONLY)"

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD)
