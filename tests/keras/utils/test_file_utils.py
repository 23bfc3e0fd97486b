"""``keras.utils.get_file``: cache naming, hash checks, safe extraction (``file://`` origins, no
network); against real Keras where it imports."""

import hashlib
import io
import os
import pathlib
import tarfile
import warnings
import zipfile

import pytest

from torchkeras import keras


def _source(tmp_path, name, payload=b"payload"):
    path = tmp_path / "source" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(payload)
    return path


def _tar(tmp_path, name="data.tar.gz", members=(("folder/a.txt", b"a"), ("folder/b.txt", b"bb"))):
    path = tmp_path / "source" / name
    path.parent.mkdir(exist_ok=True)
    with tarfile.open(path, "w:gz") as archive:
        for member, data in members:
            info = tarfile.TarInfo(member)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return path


def _get_file(module, tmp_path, folder, *args, **kwargs):
    """``module.utils.get_file`` into ``tmp_path/folder``; the result relative to that folder."""
    cache = tmp_path / folder
    cache.mkdir(exist_ok=True)
    result = module.utils.get_file(*args, cache_dir=str(cache), **kwargs)
    return os.path.relpath(result, cache)


def test_downloads_once_into_the_cache(tmp_path, capsys):
    (tmp_path / "cache").mkdir()
    source = _source(tmp_path, "w.bin")
    assert _get_file(keras, tmp_path, "cache", "w.bin", source.as_uri()) == os.path.join(
        "datasets", "w.bin"
    )
    assert "Downloading data from" in capsys.readouterr().out
    source.write_bytes(b"changed")
    path = keras.utils.get_file("w.bin", source.as_uri(), cache_dir=str(tmp_path / "cache"))
    assert pathlib.Path(path).read_bytes() == b"payload" and capsys.readouterr().out == ""


def test_hash_mismatch_redownloads_then_fails(tmp_path, capsys):
    (tmp_path / "cache").mkdir()
    source = _source(tmp_path, "w.bin")
    keras.utils.get_file("w.bin", source.as_uri(), cache_dir=str(tmp_path / "cache"))
    good = hashlib.sha256(b"payload").hexdigest()
    keras.utils.get_file(
        "w.bin", source.as_uri(), file_hash=good, cache_dir=str(tmp_path / "cache")
    )
    assert "re-download" not in capsys.readouterr().out
    with pytest.raises(
        ValueError, match="Incomplete or corrupted file detected. The auto file hash does not match"
    ):
        keras.utils.get_file(
            "w.bin", source.as_uri(), file_hash="0" * 64, cache_dir=str(tmp_path / "cache")
        )
    assert "seems to be incomplete or outdated" in capsys.readouterr().out


def test_extracts_tar_and_zip(tmp_path):
    (tmp_path / "c").mkdir()
    archive = _tar(tmp_path)
    folder = keras.utils.get_file(
        "data.tar.gz", archive.as_uri(), extract=True, cache_dir=str(tmp_path / "c")
    )
    assert folder.endswith("data_extracted")
    assert pathlib.Path(folder, "folder", "b.txt").read_text() == "bb"
    zipped = tmp_path / "source" / "z.zip"
    with zipfile.ZipFile(zipped, "w") as z:
        z.writestr("inner/x.txt", "x")
    folder = keras.utils.get_file(
        origin=zipped.as_uri(), extract=True, cache_dir=str(tmp_path / "c")
    )
    assert pathlib.Path(folder, "inner", "x.txt").read_text() == "x"


def test_unsafe_archive_members_are_skipped(tmp_path):
    (tmp_path / "c").mkdir()
    archive = _tar(tmp_path, "evil.tar.gz", (("../escape.txt", b"x"), ("ok.txt", b"y")))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        folder = keras.utils.get_file(
            "evil.tar.gz", archive.as_uri(), extract=True, cache_dir=str(tmp_path / "c")
        )
    assert any(
        "Skipping invalid path during archive extraction: '../escape.txt'." in str(w.message)
        for w in caught
    )
    assert os.path.exists(os.path.join(folder, "ok.txt"))
    assert not (tmp_path / "c" / "datasets" / "escape.txt").exists()


def test_argument_errors(tmp_path):
    with pytest.raises(ValueError, match='Please specify the "origin" argument'):
        keras.utils.get_file("x")
    with pytest.raises(ValueError, match="Paths are no longer accepted as the `fname` argument"):
        keras.utils.get_file(
            os.path.join("a", "b"), origin="file:///nowhere", cache_dir=str(tmp_path)
        )
    with pytest.raises(Exception, match="URL fetch failure on file:///nowhere/missing.bin"):
        keras.utils.get_file(
            "missing.bin", origin="file:///nowhere/missing.bin", cache_dir=str(tmp_path)
        )
    assert not (tmp_path / "datasets" / "missing.bin").exists()


@pytest.mark.parametrize(
    "case", ["plain", "no_fname", "extract_dotted", "extract_plain_name", "untar", "md5"]
)
def test_paths_and_contents_match_keras(tmp_path, case):
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    pytest.importorskip("tensorflow")
    real_keras = pytest.importorskip("keras")
    archive = _tar(tmp_path)
    plain = _source(tmp_path, "p.bin")
    args = {
        "plain": (("p.bin", plain.as_uri()), {}),
        "no_fname": ((None, plain.as_uri()), {}),
        "extract_dotted": (("data.tar.gz", archive.as_uri()), {"extract": True}),
        "extract_plain_name": (
            ("dataset", archive.as_uri()),
            {"extract": True, "cache_subdir": "sub"},
        ),
        "untar": (("dataset", archive.as_uri()), {"untar": True}),
        "md5": (("p.bin", plain.as_uri()), {"md5_hash": hashlib.md5(b"payload").hexdigest()}),
    }[case]
    ours = _get_file(keras, tmp_path, "ours", *args[0], **args[1])
    theirs = _get_file(real_keras, tmp_path, "theirs", *args[0], **args[1])
    assert ours == theirs and not ours.startswith("..")
    listing = lambda root: sorted(
        os.path.relpath(os.path.join(d, f), root)  # noqa: E731
        for d, _, files in os.walk(root)
        for f in files
    )
    assert listing(tmp_path / "ours") == listing(tmp_path / "theirs")
