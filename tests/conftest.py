"""Shared fixtures: the seed articles, the rule pipeline, the offline guard."""
from __future__ import annotations

import json
import os
import socket
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "corpora" / "netral-id" / "authoring" / "seeds"
RAW = ROOT / "corpora" / "netral-id" / "raw"

# The suite never touches the network: hub libraries are told so, and any socket
# connection outside loopback fails the test that makes it.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

_real_connect = socket.socket.connect


def _guarded_connect(self, address):
    host = address[0] if isinstance(address, tuple) else address
    if isinstance(host, str) and (host.startswith("127.") or host in ("localhost", "::1") or host.startswith("/")):
        return _real_connect(self, address)
    if self.family == getattr(socket, "AF_UNIX", None):
        return _real_connect(self, address)
    raise RuntimeError(f"network access attempted during tests: {address!r}")


socket.socket.connect = _guarded_connect


def pytest_addoption(parser):
    parser.addoption("--slow", action="store_true", default=False, help="run slow tests")


def pytest_collection_modifyitems(config, items):
    if config.getoption("--slow"):
        return
    skip = pytest.mark.skip(reason="slow: run with --slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def seed_gold() -> dict[str, dict]:
    from netral_nlp.corpus.authoring import compile_document

    out = {}
    for f in sorted(SEEDS.glob("*.json")):
        rec, errs = compile_document(json.loads(f.read_text(encoding="utf-8")))
        assert not errs, errs
        out[rec["id"]] = rec
    return out


@pytest.fixture(scope="session")
def seed_raw() -> dict[str, str]:
    return {"seed-000": (RAW / "seed-000-pikiransumbar-2023-05-15.txt").read_text(encoding="utf-8"),
            "seed-004": (RAW / "seed-004-andalaspos-2024-11-21.txt").read_text(encoding="utf-8")}


@pytest.fixture(scope="session")
def nlp():
    import netral_nlp

    return netral_nlp.load()
