# A thin wrapper over Meson for the README's two commands.
#   make          build build/waymark, the library and the tests (installs nothing)
#   make demo     install what is missing, build, load the bundled sample, show it and serve it
#   make check    install what is missing, build, run every test (also under ASan+UBSan)

BUILD      ?= build
ASAN_BUILD ?= build-asan
DEMO_DB    ?= demo.db
NINJA      ?= ninja

.PHONY: all deps test-deps demo check asan clean

all: $(BUILD)/build.ninja
	@$(NINJA) -C $(BUILD)

$(BUILD)/build.ninja:
	@scripts/check-deps
	meson setup $(BUILD) --buildtype=debugoptimized

$(ASAN_BUILD)/build.ninja:
	@scripts/check-deps
	meson setup $(ASAN_BUILD) --buildtype=debug -Db_sanitize=address,undefined -Db_lundef=false

asan: $(ASAN_BUILD)/build.ninja
	@$(NINJA) -C $(ASAN_BUILD)

deps:
	@scripts/install-deps

test-deps:
	@scripts/install-deps --test

demo: deps
	@$(MAKE) --no-print-directory all
	@scripts/demo $(BUILD)/waymark $(DEMO_DB)

check: test-deps
	@$(MAKE) --no-print-directory all asan
	@tests/run --build $(BUILD) --asan-build $(ASAN_BUILD)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
