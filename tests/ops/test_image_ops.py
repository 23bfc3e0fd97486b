"""tf.image geometry: flips, rot90, transpose, crops and pads (known values; real TF where
installed)."""

import numpy as np
import pytest

import torchkeras as tf

IMAGE = np.arange(2 * 5 * 4 * 3).reshape(2, 5, 4, 3).astype(np.float32)

CASES = [
    ("flip_left_right", ()),
    ("flip_up_down", ()),
    ("rot90", ()),
    ("rot90", (3,)),
    ("rot90", (-2,)),
    ("transpose", ()),
    ("central_crop", (0.5,)),
    ("central_crop", (0.33,)),
    ("pad_to_bounding_box", (1, 2, 8, 7)),
    ("crop_to_bounding_box", (1, 1, 3, 2)),
    ("resize_with_crop_or_pad", (3, 7)),
    ("resize_with_crop_or_pad", (8, 2)),
]


@pytest.mark.parametrize("name,extra", CASES)
@pytest.mark.parametrize("batched", [True, False])
def test_geometry_matches_tensorflow(name, extra, batched):
    tf_real = pytest.importorskip("tensorflow")
    image = IMAGE if batched else IMAGE[0]
    ours = getattr(tf.image, name)(tf.constant(image), *extra)
    theirs = getattr(tf_real.image, name)(tf_real.constant(image), *extra)
    assert ours.dtype.name == theirs.dtype.name
    np.testing.assert_array_equal(ours.numpy(), theirs.numpy())


def test_known_values():
    image = tf.reshape(tf.range(4), [2, 2, 1])
    assert tf.image.flip_left_right(image)[..., 0].numpy().tolist() == [[1, 0], [3, 2]]
    assert tf.image.flip_up_down(image)[..., 0].numpy().tolist() == [[2, 3], [0, 1]]
    assert tf.image.rot90(image)[..., 0].numpy().tolist() == [[1, 3], [0, 2]]
    assert tf.image.rot90(image, k=3)[..., 0].numpy().tolist() == [[2, 0], [3, 1]]
    assert tf.image.transpose(image)[..., 0].numpy().tolist() == [[0, 2], [1, 3]]
    padded = tf.image.pad_to_bounding_box(image, 1, 0, 3, 3)
    assert padded[..., 0].numpy().tolist() == [[0, 0, 0], [0, 1, 0], [2, 3, 0]]
    assert padded.dtype == tf.int32
    cropped = tf.image.crop_to_bounding_box(tf.reshape(tf.range(9), [3, 3, 1]), 1, 1, 2, 1)
    assert cropped[..., 0].numpy().tolist() == [[4], [7]]
    central = tf.image.central_crop(tf.reshape(tf.range(7 * 9), [7, 9, 1]), 0.33)
    assert central[..., 0].numpy().tolist() == [[21, 22, 23], [30, 31, 32], [39, 40, 41]]
    fitted = tf.image.resize_with_crop_or_pad(tf.reshape(tf.range(20), [5, 4, 1]), 2, 7)
    assert fitted[..., 0].numpy().tolist() == [[0, 4, 5, 6, 7, 0, 0], [0, 8, 9, 10, 11, 0, 0]]


def test_bool_and_uint8_images_keep_their_dtype():
    image = tf.constant(np.ones((2, 2, 1), dtype=bool))
    padded = tf.image.pad_to_bounding_box(image, 0, 1, 2, 3)
    assert padded.dtype == tf.bool
    assert padded[..., 0].numpy().tolist() == [[False, True, True], [False, True, True]]
    assert tf.image.flip_left_right(tf.zeros([1, 2, 2, 3], tf.uint8)).dtype == tf.uint8


@pytest.mark.parametrize(
    "call,error,message",
    [
        (
            lambda: tf.image.flip_left_right(tf.zeros([2, 3])),
            ValueError,
            "'image' (shape (2, 3)) must be at least three-dimensional.",
        ),
        (
            lambda: tf.image.flip_left_right(tf.zeros([2, 0, 3])),
            ValueError,
            "inner 3 dims of 'image.shape' must be > 0: (2, 0, 3)",
        ),
        (
            lambda: tf.image.flip_up_down(tf.zeros([1, 2, 2, 3, 3])),
            ValueError,
            "'image' (shape (1, 2, 2, 3, 3))must have either 3 or 4 dimensions.",
        ),
        (
            lambda: tf.image.rot90(tf.zeros([1, 2, 2, 3, 3])),
            ValueError,
            "'image' (shape (1, 2, 2, 3, 3)) must have either 3 or 4 dimensions.",
        ),
        (
            lambda: tf.image.crop_to_bounding_box(tf.zeros([4, 5, 3]), -1, 0, 2, 2),
            ValueError,
            "offset_height must be >= 0.",
        ),
        (
            lambda: tf.image.crop_to_bounding_box(tf.zeros([4, 5, 3]), 0, 0, 2, 6),
            ValueError,
            "width must be >= target + offset.",
        ),
        (
            lambda: tf.image.pad_to_bounding_box(tf.zeros([4, 5, 3]), 0, 0, 2, 2),
            ValueError,
            "width must be <= target - offset",
        ),
        (
            lambda: tf.image.resize_with_crop_or_pad(tf.zeros([4, 5, 3]), 0, 3),
            ValueError,
            "target_height must be > 0.",
        ),
        (
            lambda: tf.image.central_crop(tf.zeros([4, 5, 3]), 0.0),
            ValueError,
            "central_fraction must be within (0, 1]",
        ),
        (
            lambda: tf.image.central_crop(tf.zeros([1, 2, 2, 3, 3]), 0.5),
            ValueError,
            "`image` should either be a Tensor with rank = 3 or rank = 4. Had rank = 5.",
        ),
        (
            lambda: tf.image.crop_to_bounding_box(tf.zeros([4, 5, 3]), tf.constant(-1), 0, 2, 2),
            tf.errors.InvalidArgumentError,
            "Expected 'tf.Tensor(False, shape=(), dtype=bool)' to be true. "
            "Summarized data: b'offset_height must be >= 0.'",
        ),
    ],
)
def test_errors(call, error, message):
    with pytest.raises(error) as info:
        call()
    assert str(info.value) == message


def test_crop_and_flip_are_differentiable():
    image = tf.Variable(tf.reshape(tf.range(12, dtype=tf.float32), [2, 2, 3]))
    with tf.GradientTape() as tape:
        out = tf.image.flip_left_right(tf.image.pad_to_bounding_box(image, 1, 1, 4, 4))
        loss = tf.reduce_sum(out * out)
    np.testing.assert_allclose(tape.gradient(loss, image).numpy(), 2 * image.numpy())


def test_geometric_ops_move_string_pixels_as_tf_does():
    image = tf.constant([[[b"a"], [b"b"]], [[b"c"], [b"d"]]])
    assert tf.image.flip_left_right(image).numpy()[:, :, 0].tolist() == [[b"b", b"a"], [b"d", b"c"]]
    assert tf.image.flip_up_down(image).numpy()[:, :, 0].tolist() == [[b"c", b"d"], [b"a", b"b"]]
    assert tf.image.rot90(image).numpy()[:, :, 0].tolist() == [[b"b", b"d"], [b"a", b"c"]]
    assert tf.image.transpose(image).numpy()[:, :, 0].tolist() == [[b"a", b"c"], [b"b", b"d"]]
    assert tf.image.crop_to_bounding_box(image, 1, 1, 1, 1).numpy().tolist() == [[[b"d"]]]
    padded = tf.image.pad_to_bounding_box(image, 1, 0, 3, 2).numpy()[:, :, 0].tolist()
    assert padded == [[b"", b""], [b"a", b"b"], [b"c", b"d"]]
    assert tf.image.central_crop(tf.fill([4, 4, 1], "x"), 0.5).shape == (2, 2, 1)


def test_rot90_converts_k_as_tf():
    with pytest.raises(TypeError, match="^Cannot convert 1.5 to EagerTensor of dtype int32"):
        tf.image.rot90(tf.ones([2, 3, 1]), k=1.5)
    with pytest.raises(ValueError, match=r"^Shape \(2,\) must have rank 0"):
        tf.image.rot90(tf.ones([2, 3, 1]), k=tf.constant([1, 2]))
    assert tf.image.rot90(tf.ones([2, 3, 1]), k=tf.constant(-1)).shape == (3, 2, 1)


def test_crop_to_bounding_box_float_offsets_and_targets_fail_as_tf():
    image = tf.ones([2, 2, 3])
    with pytest.raises(TypeError, match="^Cannot convert 1.0 to EagerTensor of dtype int32$"):
        tf.image.crop_to_bounding_box(image, 0.5, 0, 1.0, 1)
    for offset, name in ((0.5, "float"), (tf.constant(0.5, tf.float64), "double")):
        with pytest.raises(tf.errors.InvalidArgumentError) as info:
            tf.image.crop_to_bounding_box(image, offset, 0, 1, 1)
        assert str(info.value).startswith(
            "Value for attr 'Index' of %s is not in the list of allowed values: int32, int64\n"
            "\t; NodeDef: {{node Slice}}; Op<name=Slice; " % name
        )
        assert str(info.value).endswith("[Op:Slice] name: ")
