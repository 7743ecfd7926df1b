# Two commands do all the set-up on a fresh machine:
#   make site   – virtualenv, install, build the sample site, serve it on 127.0.0.1:8000
#   make test   – virtualenv, install with [test], run every test
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: site build serve test check install clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

build: install
	$(BIN)/bangyang build

site: build
	$(BIN)/bangyang serve --no-build --host $(HOST) --port $(PORT)

check: install
	$(BIN)/bangyang check

test: install
	$(BIN)/python -m pytest

clean:
	rm -rf output .output.* $(VENV)
