"""tf.io.gfile: TF's file API on the local file system, with TF's errors."""

import os

import pytest

import torchkeras as tf


def _outcome(fn):
    """``("OK", value)`` or ``(error class name, message)``."""
    try:
        return "OK", fn()
    except Exception as exc:  # noqa: BLE001 - the class and text are what is compared
        return type(exc).__name__, str(exc)


def test_gfile_round_trip(tmp_path):
    path = str(tmp_path / "f.txt")
    with tf.io.gfile.GFile(path, "w") as f:
        f.write("hello\n")
        f.write(b"world\n")
        assert f.tell() == 12
    with tf.io.gfile.GFile(path, "a") as f:
        f.write("end")
    with tf.io.gfile.GFile(path) as f:
        assert f.read(4) == "hell"
        assert f.tell() == 4
        assert f.readline() == "o\n"
        assert f.readlines() == ["world\n", "end"]
        assert f.readline() == ""
        f.seek(0)
        assert list(f) == ["hello\n", "world\n", "end"]
        f.seek(-3, whence=2)
        assert f.read() == "end"
        assert f.size() == 15
    with tf.io.gfile.GFile(path, "rb") as f:
        assert f.read() == b"hello\nworld\nend"
        assert f.mode == "rb" and f.name == path and f.seekable()


def test_gfile_opens_lazily_as_tf(tmp_path):
    path = str(tmp_path / "w.txt")
    f = tf.io.gfile.GFile(path, "w")
    assert not os.path.exists(path)
    f.close()
    assert not os.path.exists(path)
    missing = tf.io.gfile.GFile(str(tmp_path / "nope"))
    with pytest.raises(tf.errors.NotFoundError, match="nope; No such file or directory"):
        missing.read()


def test_gfile_mode_errors(tmp_path):
    path = str(tmp_path / "f.txt")
    tf.io.write_file(path, "abc")
    with pytest.raises(tf.errors.InvalidArgumentError, match="mode is not 'r' or 'w'"):
        tf.io.gfile.GFile(path, "x")
    with pytest.raises(tf.errors.PermissionDeniedError, match="File isn't open for reading"):
        tf.io.gfile.GFile(path, "w").read()
    with pytest.raises(tf.errors.PermissionDeniedError, match="File isn't open for writing"):
        tf.io.gfile.GFile(path).write("x")
    with pytest.raises(tf.errors.InvalidArgumentError, match="Invalid whence argument: 3"):
        tf.io.gfile.GFile(path).seek(0, 3)


def test_file_system_functions(tmp_path):
    root = str(tmp_path)
    tf.io.gfile.makedirs(os.path.join(root, "x", "y"))
    tf.io.gfile.makedirs(os.path.join(root, "x", "y"))
    tf.io.gfile.mkdir(os.path.join(root, "z"))
    tf.io.write_file(os.path.join(root, "f.txt"), "data")
    assert tf.io.gfile.exists(os.path.join(root, "f.txt"))
    assert tf.io.gfile.isdir(os.path.join(root, "x"))
    assert not tf.io.gfile.isdir(os.path.join(root, "f.txt"))
    assert sorted(tf.io.gfile.listdir(root)) == ["f.txt", "x", "z"]
    assert tf.io.gfile.glob(os.path.join(root, "*.txt")) == [os.path.join(root, "f.txt")]
    assert tf.io.gfile.glob(os.path.join(root, "*", "y")) == [os.path.join(root, "x", "y")]
    tf.io.gfile.copy(os.path.join(root, "f.txt"), os.path.join(root, "g.txt"))
    with pytest.raises(tf.errors.AlreadyExistsError, match="file already exists"):
        tf.io.gfile.copy(os.path.join(root, "f.txt"), os.path.join(root, "g.txt"))
    tf.io.gfile.rename(os.path.join(root, "g.txt"), os.path.join(root, "f.txt"), overwrite=True)
    assert not tf.io.gfile.exists(os.path.join(root, "g.txt"))
    stat = tf.io.gfile.stat(os.path.join(root, "f.txt"))
    assert (stat.length, stat.is_directory) == (4, False)
    assert stat.mtime_nsec % 10**9 == 0
    walked = list(tf.io.gfile.walk(root))
    assert walked[0][0] == root and sorted(walked[0][1]) == ["x", "z"]
    tf.io.gfile.rmtree(os.path.join(root, "x"))
    tf.io.gfile.remove(os.path.join(root, "f.txt"))
    assert sorted(tf.io.gfile.listdir(root)) == ["z"]
    assert tf.io.gfile.join("a", "b", "/c") == "/c"
    assert tf.io.gfile.join("gs://b", "c") == "gs://b/c"


@pytest.mark.parametrize(
    "call, cls, text",
    [
        (lambda p: tf.io.gfile.remove(p + "/nope"), "NotFoundError", "/nope; No such file"),
        (lambda p: tf.io.gfile.listdir(p + "/nope"), "NotFoundError", "Could not find directory"),
        (lambda p: tf.io.gfile.rmtree(p + "/nope"), "NotFoundError", "/nope not found"),
        (lambda p: tf.io.gfile.stat(p + "/nope"), "NotFoundError", "/nope; No such file"),
        (lambda p: tf.io.gfile.mkdir(p + "/a/b"), "NotFoundError", "/a/b; No such file"),
        (lambda p: tf.io.gfile.remove(p), "FailedPreconditionError", "; Is a directory"),
    ],
)
def test_file_system_errors(tmp_path, call, cls, text):
    kind, message = _outcome(lambda: call(str(tmp_path)))
    assert kind == cls and text in message


def _gfile_script(tf_module, root):
    """Runs the same gfile calls with ``tf_module``; their outcomes, paths made relative."""
    cwd = os.getcwd()
    os.chdir(root)
    try:
        calls = [
            lambda: tf_module.io.gfile.makedirs("x/y"),
            lambda: tf_module.io.write_file("f.txt", "hello\nworld\n"),
            lambda: tf_module.io.gfile.makedirs("f.txt/q"),
            lambda: tf_module.io.gfile.mkdir("f.txt"),
            lambda: tf_module.io.gfile.copy("f.txt", "g.txt"),
            lambda: tf_module.io.gfile.copy("f.txt", "g.txt"),
            lambda: tf_module.io.gfile.copy("nope", "h.txt"),
            lambda: tf_module.io.gfile.rename("nope", "h.txt"),
            lambda: sorted(tf_module.io.gfile.glob("*")),
            lambda: sorted(tf_module.io.gfile.glob("*/*")),
            lambda: sorted(tf_module.io.gfile.glob(["f.tx?", "[g].txt"])),
            lambda: tf_module.io.gfile.glob("nope/*"),
            lambda: sorted(tf_module.io.gfile.walk(".")),
            lambda: sorted(tf_module.io.gfile.walk(".", topdown=False)),
            lambda: list(tf_module.io.gfile.walk("nope")),
            lambda: tf_module.io.gfile.stat("x").length,
            lambda: tf_module.io.gfile.listdir("f.txt"),
            lambda: tf_module.io.gfile.remove("x"),
            lambda: tf_module.io.gfile.rmtree("g.txt"),
            lambda: tf_module.io.gfile.exists("g.txt"),
            lambda: tf_module.io.gfile.GFile("f.txt", "r+").read(2),
        ]
        return [_outcome(call) for call in calls]
    finally:
        os.chdir(cwd)


def test_gfile_matches_tensorflow(tmp_path):
    tf_real = pytest.importorskip("tensorflow")
    (tmp_path / "ours").mkdir()
    (tmp_path / "real").mkdir()
    ours = _gfile_script(tf, tmp_path / "ours")
    real = _gfile_script(tf_real, tmp_path / "real")
    assert ours == real


def test_bad_reads_and_seeks_raise_tfs_errors(tmp_path):
    path = str(tmp_path / "x")
    tf.io.gfile.GFile(path, "w").write("abc")
    with pytest.raises(tf.errors.InvalidArgumentError, match="negative number of bytes: -5"):
        tf.io.gfile.GFile(path).read(-5)
    handle = tf.io.gfile.GFile(path)
    with pytest.raises(tf.errors.InvalidArgumentError, match="^Seeking to a negative position"):
        handle.seek(-1)
    with pytest.raises(tf.errors.OutOfRangeError, match="^reached end of file$"):
        handle.seek(4)
    assert handle.tell() == 3 and handle.read() == ""
