"""Bad input gives one clear line naming the file and the problem, exit code 2, no traceback.

Each case is a file a user could really hand us (issue 2, "Bad input").
"""

from __future__ import annotations

import io
import zipfile

import pytest

from lawgap.cli import main
from lawgap.errors import InputError
from lawgap.parsers import load_law


def _truncated_docx(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", "<w:document>" + "x" * 5000 + "</w:document>")
    data = buf.getvalue()
    path = tmp_path / "law.docx"
    path.write_bytes(data[: len(data) // 2])
    return path


def _encrypted_pdf() -> bytes:
    """A one-page PDF locked with a password we do not have (standard security handler)."""
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        b"<< /Filter /Standard /V 1 /R 2 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> /P -4 >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R /Encrypt 4 0 R /ID [<aa> <aa>] >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objs) + 1,
        xref,
    )
    return bytes(out)


def _write(name: str, data: bytes):
    def make(tmp_path):
        path = tmp_path / name
        path.write_bytes(data)
        return path

    return make


def _big_file(tmp_path, monkeypatch):
    # A sparse 200 MB file: the size check must refuse it before reading a byte.
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.seek(200 * 1024 * 1024 - 1)
        f.write(b"\0")
    return path


CASES = [
    # (case id, file maker, words the message must contain)
    ("empty", _write("empty.txt", b""), "empty"),
    ("truncated docx", _truncated_docx, "damaged"),
    ("encrypted pdf", _write("locked.pdf", _encrypted_pdf()), "encrypted"),
    ("corrupt pdf", _write("broken.pdf", b"%PDF-1.4\n" + bytes(range(256)) * 4), "PDF"),
    ("binary named .txt", _write("law.txt", bytes(range(256)) * 64), "binary"),
    ("pdf named .docx", _write("law.docx", b"%PDF-1.4 nothing"), "PDF"),
    ("not a docx", _write("law.docx", b"just some words, no zip"), "not a Word"),
    ("zip that is not docx", None, "not a Word"),
    ("xml that is not akn", _write("law.xml", b"<?xml version='1.0'?><root>x</root>"), "Akoma Ntoso"),
    ("no provisions", _write("law.txt", b"\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82"), "no provisions"),
]


def _zip_not_docx(tmp_path):
    path = tmp_path / "archive.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("readme.txt", "hello")
    return path


@pytest.mark.parametrize(("case", "make", "words"), CASES, ids=[c[0] for c in CASES])
def test_bad_file_gives_one_clear_line(tmp_path, capsys, case, make, words):
    path = _zip_not_docx(tmp_path) if make is None else make(tmp_path)
    with pytest.raises(InputError) as err:
        load_law(path)
    assert str(path) in str(err.value)
    assert words.lower() in err.value.problem.lower()

    assert main(["parse", str(path)]) == 2
    out, errtext = capsys.readouterr()
    assert out == ""
    lines = errtext.strip().splitlines()
    assert len(lines) == 1, errtext
    assert str(path) in lines[0] and "Traceback" not in errtext


def test_file_over_the_size_limit_is_refused_unread(tmp_path, capsys):
    path = _big_file(tmp_path, None)
    assert main(["parse", str(path)]) == 2
    err = capsys.readouterr().err
    assert "200 MB" in err and "limit" in err and str(path) in err


def test_missing_file(tmp_path, capsys):
    assert main(["parse", str(tmp_path / "nope.docx")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_a_conversion_that_lost_every_section_number_is_refused_clearly(capsys):
    # The third-party Markdown of Pakistan's Trafficking Act 2018 lost all its section numbers:
    # lawgap must say so, not return an empty or invented tree.
    from conftest import corpus_file

    path = corpus_file("pk/prevention_of_trafficking_in_persons_act_2018_converted.md")
    assert main(["parse", str(path)]) == 2
    err = capsys.readouterr().err
    assert "no provisions recognised" in err and str(path) in err
