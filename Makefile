# The two commands of the README: `make demo` and `make test`. Both build .venv themselves.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
DB     ?= eventwire.db

.PHONY: demo test lint install install-dev bench train clean

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "need $(PYTHON) on PATH (or make PYTHON=python3)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

demo: install
	@rm -f $(DB) $(DB)-wal $(DB)-shm
	$(BIN)/eventwire ingest examples/ --db $(DB)
	@$(BIN)/python -m eventwire.demo --db $(DB)

test: install-dev lint
	@$(BIN)/python -m pytest; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "make test: pytest collected no tests"; exit 1; fi; exit $$rc

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# The two shipped models (eventwire/data/contexts_model.json, sides_model.json) from the benchmarks' gold: same gold, same files.
train: install-dev
	$(BIN)/python scripts/train.py

bench: install-dev
	$(BIN)/python bench/accuracy.py
	$(BIN)/python bench/throughput.py --shipped
	$(BIN)/python bench/linking.py
	$(BIN)/python bench/web_latency.py
	$(BIN)/python bench/web_load.py
	$(BIN)/python bench/long_text.py
	$(BIN)/python bench/startup.py
	$(BIN)/python bench/scale.py

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm tests/artifacts
