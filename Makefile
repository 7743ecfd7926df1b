# Two commands do all the set-up on a fresh machine:
#   make site   – virtualenv, install, build the sample site, serve it on 127.0.0.1:8000
#   make test   – virtualenv, install with [test], run every test
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000
CHROMIUM ?= chromium

.PHONY: site build serve test check install browser office nginx redis clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

# Pagefind (search) and axe-core (accessibility tests), pinned in package-lock.json.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

install: $(VENV)/.installed node_modules/.installed

# Attachments in .doc, .wps and .et are converted by LibreOffice; the tests convert with it too.
office:
	@command -v soffice >/dev/null 2>&1 || { \
	  echo "Installing LibreOffice (writer, calc) with apt-get…"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends \
	    libreoffice-writer-nogui libreoffice-calc-nogui fonts-noto-cjk >/dev/null; }

# Browser tests drive Debian's Chromium; Playwright never downloads a browser here.
browser:
	@command -v $(CHROMIUM) >/dev/null 2>&1 || { \
	  echo "Installing Chromium and CJK fonts with apt-get…"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; }

# The browser tests serve output/ through nginx, as a portal does (404 page, sub-path).
nginx:
	@command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || { \
	  echo "Installing nginx with apt-get…"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends nginx-light >/dev/null 2>&1 || \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends nginx >/dev/null; }

# The distributed crawl's tests start redis-server on a free port of 127.0.0.1.
redis:
	@command -v redis-server >/dev/null 2>&1 || [ -x /usr/bin/redis-server ] || { \
	  echo "Installing redis-server with apt-get…"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends redis-server >/dev/null; }

build: install
	$(BIN)/bangyang build

site: install
	$(BIN)/bangyang build
	$(BIN)/bangyang serve --no-build --host $(HOST) --port $(PORT)

check: install
	$(BIN)/bangyang check

test: install browser office nginx redis
	$(BIN)/python -m pytest

clean:
	rm -rf output .output.* $(VENV)
