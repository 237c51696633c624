# make run: install, migrate, seed the demo, serve.   make test: lint, type-check, test.
VENV ?= .venv
PYTHON := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
PYTHON_BOOTSTRAP ?= python3

.PHONY: run test lint typecheck pytest install install-test system-packages \
        system-packages-test messages bench factsheet-preview screenshots clean

run: install
	$(VENV)/bin/leerkring migrate
	$(VENV)/bin/leerkring seed-demo
	$(VENV)/bin/leerkring demo-accounts --base-url http://$(HOST):$(PORT)
	$(VENV)/bin/leerkring serve --host $(HOST) --port $(PORT)

test: install-test lint typecheck pytest

lint:
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck:
	$(VENV)/bin/mypy app

pytest:
	$(VENV)/bin/pytest -n auto

system-packages:
	@.ci/system-packages.sh .ci/apt-run.txt

system-packages-test:
	@.ci/system-packages.sh .ci/apt-run.txt .ci/apt-test.txt

$(PYTHON):
	$(PYTHON_BOOTSTRAP) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(PYTHON)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(PYTHON)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@ $(VENV)/.installed

install: system-packages $(VENV)/.installed

# install-test also fetches axe-core and the Nu HTML checker (vnu-jar, run with Java) for the
# browser tests (node_modules/ is gitignored). One npm call: --no-save prunes what it is not given.
install-test: system-packages-test $(VENV)/.installed-test
	test -f node_modules/axe-core/axe.min.js -a -f node_modules/vnu-jar/build/dist/vnu.jar || \
		npm install --no-save --no-audit --no-fund axe-core@4 vnu-jar

# Refresh the message catalogues after changing user-facing strings; then translate nl.
messages: install-test
	$(VENV)/bin/pybabel extract -F app/translations/babel.cfg -k N_ -o app/translations/messages.pot --no-location --omit-header --sort-output .
	test -f app/translations/nl/LC_MESSAGES/messages.po || $(VENV)/bin/pybabel init -i app/translations/messages.pot -d app/translations -l nl
	$(VENV)/bin/pybabel update -i app/translations/messages.pot -d app/translations -l nl --no-fuzzy-matching --ignore-obsolete

# PNG pages of the demo factsheet under var/preview/ (look at every page).
factsheet-preview: install system-packages-test
	$(VENV)/bin/leerkring migrate
	$(VENV)/bin/leerkring seed-demo
	rm -rf var/preview && mkdir -p var/preview
	$(VENV)/bin/leerkring render-factsheets --initiative "Wijkexpertteam Zwolle-Kampen" --out var/preview
	for pdf in var/preview/*.pdf; do pdftoppm -png -r 70 "$$pdf" "$${pdf%.pdf}"; done
	@ls var/preview

# Full-page PNGs of every main page at 1280 and 375 px under var/screenshots/ (look at them).
screenshots: install-test
	$(PYTHON) bench/screenshots.py

bench: install-test
	@for script in bench/*.py; do [ -e "$$script" ] || continue; $(PYTHON) "$$script"; done

clean:
	rm -rf $(VENV) var .mypy_cache .ruff_cache .pytest_cache
