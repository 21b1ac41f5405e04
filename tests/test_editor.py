"""A real editor client: yaml-language-server (from npm, pinned in tools/yaml-ls) over LSP stdio.

The server is given the schema `report-gen schema` prints, associated through the
`yaml.schemas` setting; it must find nothing wrong in any meeting of the repository, one
problem in a misspelled key, and offer keys and values with Vietnamese documentation.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import threading
from pathlib import Path
from typing import Any

import pytest

from conftest import FIXTURES, INPUTS, ROOT, run_cli

SERVER = ROOT / "tools" / "yaml-ls" / "node_modules" / "yaml-language-server" / "bin"
SERVER = SERVER / "yaml-language-server"


@pytest.fixture(scope="module", autouse=True)
def _installed() -> None:
    assert SERVER.exists(), "yaml-language-server is missing: run scripts/setup"


def _meetings() -> list[Path]:
    found = [*INPUTS.glob("*.yaml"), *FIXTURES.glob("*.yaml")]
    found += (ROOT / "tests" / "corpus").glob("*.yaml")
    return sorted(p for p in found if not p.name.startswith("_"))


class Client:
    """Just enough of an LSP client: requests, notifications, diagnostics by document."""

    def __init__(self, schema: Path) -> None:
        self.proc = subprocess.Popen(
            ["node", str(SERVER), "--stdio"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self.messages: queue.Queue[dict[str, Any]] = queue.Queue()
        self.next_id = 0
        self.settings = {
            "yaml": {
                "validate": True,
                "completion": True,
                "hover": True,
                "schemaStore": {"enable": False},
                "schemas": {schema.as_uri(): ["*.yaml"]},
            }
        }
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.proc.stdout
        assert stream is not None
        while True:
            length = 0
            while (line := stream.readline()) not in (b"\r\n", b""):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            if not line:
                return
            self.messages.put(json.loads(stream.read(length)))

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method: str, params: Any) -> None:
        self._send({"method": method, "params": params})

    def request(self, method: str, params: Any) -> Any:
        self.next_id += 1
        self._send({"id": self.next_id, "method": method, "params": params})
        return self.wait(lambda m: m.get("id") == self.next_id and "method" not in m)["result"]

    def wait(self, wanted: Any, timeout: float = 60) -> dict[str, Any]:
        while True:
            message = self.messages.get(timeout=timeout)
            if "method" in message and "id" in message:  # the server asks us something
                self._answer(message)
            elif wanted(message):
                return message

    def _answer(self, message: dict[str, Any]) -> None:
        result: Any = None
        if message["method"] == "workspace/configuration":
            items = message["params"]["items"]
            result = [self.settings.get(i.get("section", ""), None) for i in items]
        self._send({"id": message["id"], "result": result})

    def open(self, uri: str, text: str) -> list[dict[str, Any]]:
        self.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}},
        )
        found = self.wait(
            lambda m: (
                m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri
            )
        )
        return list(found["params"]["diagnostics"])

    def close(self) -> None:
        self.proc.kill()
        self.proc.wait()


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Any:
    folder = tmp_path_factory.mktemp("schema")
    schema = folder / "meeting.schema.json"
    result = run_cli("schema")
    assert result.returncode == 0, result.stderr
    schema.write_text(result.stdout, "utf-8")
    lsp = Client(schema)
    lsp.request(
        "initialize",
        {
            "processId": os.getpid(),
            "rootUri": ROOT.as_uri(),
            "capabilities": {
                "workspace": {"configuration": True},
                "textDocument": {
                    "completion": {
                        "completionItem": {"documentationFormat": ["markdown", "plaintext"]}
                    }
                },
            },
        },
    )
    lsp.notify("initialized", {})
    lsp.notify("workspace/didChangeConfiguration", {"settings": lsp.settings})
    yield lsp
    lsp.close()


@pytest.mark.parametrize("path", _meetings(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_diagnostics_on_valid_meetings(client: Client, path: Path) -> None:
    assert client.open(path.as_uri(), path.read_text("utf-8")) == []


def test_generated_skeleton_finds_its_schema_and_is_clean(client: Client, tmp_path: Path) -> None:
    target = tmp_path / "moi.yaml"
    assert run_cli("new", target).returncode == 0
    assert client.open(target.as_uri(), target.read_text("utf-8")) == []


def test_one_diagnostic_on_a_misspelled_key(client: Client, tmp_path: Path) -> None:
    text = (FIXTURES / "reference-meeting.yaml").read_text("utf-8")
    broken = text.replace("\n  location:", "\n  locaton:", 1)
    assert broken != text
    uri = (tmp_path / "sai-khoa.yaml").as_uri()
    diagnostics = client.open(uri, broken)
    assert len(diagnostics) == 1, diagnostics
    line = broken.splitlines()[diagnostics[0]["range"]["start"]["line"]]
    assert line.strip().startswith("locaton:")


def _documentation(item: dict[str, Any]) -> str:
    doc = item.get("documentation", "")
    return doc.get("value", "") if isinstance(doc, dict) else str(doc)


def test_completion_of_keys_and_values_is_documented_in_vietnamese(
    client: Client, tmp_path: Path
) -> None:
    text = (
        "meeting:\n  name: Hội nghị\n  date: 2025-01-01\n  session: \n  \n"
        "chair:\n  name: A\n  title: B\nachievements:\n  - Một kết quả.\n"
    )
    uri = (tmp_path / "goi-y.yaml").as_uri()
    client.open(uri, text)

    def complete(line: int, character: int) -> list[dict[str, Any]]:
        result = client.request(
            "textDocument/completion",
            {"textDocument": {"uri": uri}, "position": {"line": line, "character": character}},
        )
        items = result["items"] if isinstance(result, dict) else result
        return list(items)

    keys = {i["label"]: i for i in complete(4, 2)}  # the empty line inside meeting:
    assert {"location", "organizer", "kind", "mode"} <= set(keys)
    assert "Nơi họp." in _documentation(keys["location"]), keys["location"]
    assert "Hình thức tham dự" in _documentation(keys["mode"]), keys["mode"]
    values = {i["label"]: i for i in complete(3, len("  session: "))}
    assert {"sáng", "chiều", "tối"} <= set(values), values
    assert all("Buổi họp" in _documentation(values[v]) for v in ("sáng", "chiều", "tối")), values
