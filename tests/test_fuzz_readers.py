"""Fuzz every reader: mutated laws give a Law or an InputError, never another exception (issue 14).

Seeds are the invented fixture laws in each format (tests/fixtures/laws, plus HTML, Markdown and
Akoma Ntoso made from them); hypothesis flips, deletes, inserts and repeats byte runs, truncates,
and splices in markup and zip/PDF keywords. Bounded: a fixed number of examples per format, so the
test takes about a minute in CI. OCR is replaced by an empty page: tesseract is not under test here.
"""

from __future__ import annotations

import io
import zipfile
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lawgap.errors import InputError
from lawgap.parsers import load_law

LAWS = Path(__file__).parent / "fixtures" / "laws"
EXAMPLES = {"docx": 200, "pdf": 150, "html": 300, "txt": 300, "md": 300, "xml": 300, "docx-xml": 200}
TOKENS = [
    b"<",
    b"</w:p>",
    b"<w:p>",
    b"<!DOCTYPE x [<!ENTITY a 'aaaa'>]>",
    b"&a;",
    b"\x00",
    b"\xff\xfe",
    b"stream\n",
    b"endstream",
    b"/FlateDecode",
    b"<<",
    b"obj",
    b"[",
    b"PK\x03\x04",
    "Статья 1.".encode(),
    b"<div>" * 40,
    b"<sup>1</sup>",
]


@cache
def seeds() -> dict[str, bytes]:
    text = (LAWS / "kg_style_cc_ru.txt").read_bytes()
    lines = text.decode("utf-8").splitlines()
    html = "<html><head><meta charset='utf-8'></head><body>" + "".join(f"<p>{ln}</p>" for ln in lines) + "</body>"
    law = load_law(LAWS / "kg_style_cc_ru.txt", country="KG")
    from lawgap.publish.akn import to_akn

    buf = io.BytesIO()
    body = "".join(f"<w:p><w:r><w:t>{ln}</w:t></w:r></w:p>" for ln in lines if ln.strip())
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "word/document.xml",
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
            + body
            + "</w:body></w:document>",
        )
    return {
        "docx": (LAWS / "kz_style_law_ru.docx").read_bytes(),
        "docx-xml": buf.getvalue(),  # stored deflated: mutations reach the XML only through the zip layer
        "pdf": (LAWS / "pk_style_gazette.pdf").read_bytes(),
        "html": html.encode("utf-8"),
        "txt": text,
        "md": "\n\n".join(f"#### {ln}" if ln.startswith("Статья") else ln for ln in lines).encode("utf-8"),
        "xml": to_akn(law),
    }


@st.composite
def mutated(draw, seed: bytes) -> bytes:
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 6))):
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        op = draw(st.sampled_from(["flip", "delete", "insert", "repeat", "truncate", "token"]))
        if op == "flip":
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif op == "delete":
            del data[at : at + draw(st.integers(1, 64))]
        elif op == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
        elif op == "repeat":
            run = data[at : at + draw(st.integers(1, 32))]
            data[at:at] = run * draw(st.integers(2, 200))
        elif op == "truncate":
            del data[at:]
        else:
            data[at:at] = draw(st.sampled_from(TOKENS))
    return bytes(data)


@pytest.fixture(autouse=True)
def _no_tesseract(monkeypatch, tmp_path):
    import lawgap.parsers.ocr as ocr

    monkeypatch.setattr(ocr, "ocr_pages", lambda path, sha, pages, render, language: ({i: [] for i in pages}, "eng"))
    monkeypatch.setenv("LAWGAP_CACHE", str(tmp_path / "cache"))


def _reads_or_refuses(path: Path, data: bytes) -> None:
    path.write_bytes(data)
    try:
        load_law(path)
    except InputError as exc:
        assert exc.problem and str(path) in str(exc)


@pytest.mark.parametrize("fmt", list(EXAMPLES))
def test_a_mutated_law_is_read_or_refused_with_an_input_error(tmp_path, fmt):
    suffix = {"docx-xml": "docx"}.get(fmt, fmt)
    path = tmp_path / f"law.{suffix}"

    @settings(
        max_examples=EXAMPLES[fmt],
        deadline=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(data=mutated(seeds()[fmt]))
    def run(data: bytes) -> None:
        _reads_or_refuses(path, data)

    run()
