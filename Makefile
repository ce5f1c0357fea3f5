# Targets used by the README's two commands and by .ci/run.
PY ?= python3
VENV ?= .venv
BIN = $(VENV)/bin

$(BIN)/python:
	$(PY) -m venv $(VENV)

install: $(BIN)/python
	$(BIN)/pip install -q -r requirements-dev.txt

# Runs the dashboard on the bundled seeds.
run: install
	$(BIN)/streamlit run app.py

# Lint and types first, then every test. pytest exits 5 when it collects nothing; treat
# that as failure, like any other.
test: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy fentdash --ignore-missing-imports
	$(BIN)/python -m pytest -q; status=$$?; \
	if [ $$status -eq 5 ]; then echo "no tests collected: failing"; exit 1; fi; exit $$status

.PHONY: install run test
