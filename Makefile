# wirecheck — two commands on a fresh machine: `make demo` and `make test`.
# Everything they need (virtualenv, Python packages, the Kafka jars) is installed by these targets.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
PYTEST_ARGS ?=
BENCH_EXTRACT_ARGS ?=

.PHONY: help venv browser demo serve test test-unit kafka-up kafka-down kafka-status schemas bench bench-extract bench-verify bench-serialise bench-e2e bench-profile bench-faults clean

help:
	@echo "make demo        set up, start a local Kafka broker and the services, run the sample feed, print the report"
	@echo "make serve       the same, and keep the broker and services running"
	@echo "make test        set up and run the whole test suite against a real broker"
	@echo "make test-unit   only the tests that need no broker"
	@echo "make kafka-up | kafka-down | kafka-status   the local broker"
	@echo "make bench       every benchmark; tables in bench/results/"
	@echo "make bench-extract   extraction quality and speed vs quantulum3 on ../shared/eval"
	@echo "make bench-verify    verifier time and memory per claim at 10^3..10^6, replay, Emergent and ECB+"
	@echo "make bench-serialise events/s encoding and decoding the envelope, pydantic vs orjson/msgspec/pydantic-core"
	@echo "make bench-e2e       the whole pipeline through a real local broker: burst throughput, latency at 50/s"
	@echo "make bench-profile   py-spy profile of every service under a burst, into bench/results/profiles/"
	@echo "make bench-faults    only the fault tests (kill -9, broker restart, poison); table in bench/results/faults.md"
	@echo "make schemas     regenerate schemas/jsonschema/ from the models"
	@echo "make clean       remove the virtualenv and var/ (broker data and cached jars)"

$(STAMP):
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	rm -f $(VENV)/.installed-*
	touch $@

venv: $(STAMP)

demo: venv
	$(BIN)/wirecheck demo

serve: venv
	$(BIN)/wirecheck demo --serve

test: venv browser
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Headless Chromium and its driver for the browser tests, from Debian (no browser downloads).
browser:
	@test -x /usr/bin/chromium -a -x /usr/bin/chromedriver || \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver)

test-unit: venv
	$(BIN)/python -m pytest tests/unit $(PYTEST_ARGS)

kafka-up: venv
	$(BIN)/wirecheck kafka up

kafka-down: venv
	$(BIN)/wirecheck kafka down

kafka-status: venv
	$(BIN)/wirecheck kafka status

bench: bench-extract bench-verify bench-serialise bench-e2e

bench-extract: venv
	$(BIN)/python -m bench.extract $(BENCH_EXTRACT_ARGS)

bench-verify: venv
	$(BIN)/python -m bench.verify

bench-serialise: venv
	$(BIN)/python -m bench.serialise

# Starts its own broker on free loopback ports (never the demo's 19092) and stops it at the end.
bench-e2e: venv
	$(BIN)/python -m bench.e2e

bench-profile: venv
	$(BIN)/python -m bench.e2e_profile

# The fault tests are tests (they also run in `make test`); this runs only them and rewrites their table.
bench-faults: venv
	$(BIN)/python -m pytest tests/faults -m faults $(PYTEST_ARGS)

schemas: venv
	$(BIN)/python -m schemas.jsonschema_export

clean:
	-$(BIN)/wirecheck kafka down
	rm -rf $(VENV) var *.egg-info
