"""tf.image non-max suppression ops and draw_bounding_boxes."""

import numpy as np
import pytest

import torchkeras as tf

RNG = np.random.default_rng(7)


def _boxes(n, rng=RNG):
    corner = rng.random((n, 2)) * 0.8
    size = rng.random((n, 2)) * 0.4
    boxes = np.concatenate([corner, corner + size], axis=1).astype(np.float32)
    flip = rng.random(n) < 0.2
    boxes[flip] = boxes[flip][:, [2, 3, 0, 1]]
    return boxes


BOXES = _boxes(60)
SCORES = RNG.random(60).astype(np.float32)
SCORES[5] = SCORES[9]


@pytest.mark.parametrize("iou", [0.0, 0.3, 0.5, 0.9])
@pytest.mark.parametrize("score_threshold", [float("-inf"), 0.4])
@pytest.mark.parametrize("max_output", [0, 5, 100])
def test_nms_matches_tensorflow(iou, score_threshold, max_output):
    tf_real = pytest.importorskip("tensorflow")
    args = (BOXES, SCORES, max_output, iou, score_threshold)
    ours = tf.image.non_max_suppression(*args)
    theirs = tf_real.image.non_max_suppression(*args)
    assert ours.dtype == tf.int32
    assert ours.numpy().tolist() == theirs.numpy().tolist()
    for pad in (False, True):
        for tile_size in (512, 16):
            ours_padded = tf.image.non_max_suppression_padded(
                *args, pad_to_max_output_size=pad, tile_size=tile_size
            )
            theirs_padded = tf_real.image.non_max_suppression_padded(
                tf_real.constant(BOXES), *args[1:], pad_to_max_output_size=pad, tile_size=tile_size
            )
            assert ours_padded[0].numpy().tolist() == theirs_padded[0].numpy().tolist()
            assert int(ours_padded[1]) == int(theirs_padded[1])


def test_batched_padded_nms_matches_tensorflow():
    tf_real = pytest.importorskip("tensorflow")
    boxes = np.stack([BOXES[:, [0, 1, 2, 3]], np.abs(BOXES)]).reshape(2, 1, 60, 4)
    scores = np.stack([SCORES, SCORES[::-1]]).reshape(2, 1, 60)
    ours = tf.image.non_max_suppression_padded(boxes, scores, 7, 0.4, pad_to_max_output_size=True)
    theirs = tf_real.image.non_max_suppression_padded(
        boxes, scores, 7, 0.4, pad_to_max_output_size=True
    )
    assert ours[0].shape == theirs[0].shape == (2, 1, 7)
    assert ours[0].numpy().tolist() == theirs[0].numpy().tolist()
    assert ours[1].numpy().tolist() == theirs[1].numpy().tolist()


@pytest.mark.parametrize("sigma", [0.0, 0.3, 1.0])
def test_nms_with_scores_matches_tensorflow(sigma):
    tf_real = pytest.importorskip("tensorflow")
    args = (BOXES, SCORES, 20, 0.5, 0.1, sigma)
    ours = tf.image.non_max_suppression_with_scores(*args)
    theirs = tf_real.image.non_max_suppression_with_scores(*args)
    assert ours[0].numpy().tolist() == theirs[0].numpy().tolist()
    np.testing.assert_allclose(ours[1].numpy(), theirs[1].numpy(), rtol=1e-6)


@pytest.mark.parametrize("q", [1, 3])
@pytest.mark.parametrize("pad_per_class", [False, True])
@pytest.mark.parametrize("clip_boxes", [False, True])
def test_combined_nms_matches_tensorflow(q, pad_per_class, clip_boxes):
    tf_real = pytest.importorskip("tensorflow")
    rng = np.random.default_rng(8)
    boxes = (_boxes(2 * 30 * q, rng).reshape(2, 30, q, 4) * 1.2 - 0.1).astype(np.float32)
    scores = rng.random((2, 30, 3)).astype(np.float32)
    args = (boxes, scores, 4, 10, 0.4, 0.2, pad_per_class, clip_boxes)
    ours = tf.image.combined_non_max_suppression(*args)
    theirs = tf_real.image.combined_non_max_suppression(*args)
    for mine, real in zip(ours, theirs):
        assert mine.dtype.name == real.dtype.name
        np.testing.assert_allclose(mine.numpy(), real.numpy(), rtol=1e-6)


def test_draw_bounding_boxes_matches_tensorflow():
    tf_real = pytest.importorskip("tensorflow")
    images = RNG.random((2, 9, 11, 3)).astype(np.float32)
    boxes = np.array(
        [
            [[0.1, 0.1, 0.6, 0.5], [-0.2, 0.3, 0.5, 1.3], [0.5, 0.5, 0.2, 0.9]],
            [[0.0, 0.0, 1.0, 1.0], [1.2, 0.0, 1.5, 1.0], [0.3, 0.3, 0.3, 0.3]],
        ],
        np.float32,
    )
    colors = np.array([[1, 0, 0, 1], [0, 0.5, 1, 1]], np.float32)
    for color_arg in (colors, None):
        ours = tf.image.draw_bounding_boxes(images, boxes, color_arg)
        theirs = tf_real.image.draw_bounding_boxes(images, boxes, color_arg)
        np.testing.assert_array_equal(ours.numpy(), theirs.numpy())
    gray = images[..., :1]
    np.testing.assert_array_equal(
        tf.image.draw_bounding_boxes(gray, boxes, None).numpy(),
        tf_real.image.draw_bounding_boxes(gray, boxes, None).numpy(),
    )


def test_known_values():
    boxes = [[0, 0, 1, 1], [0, 0.1, 1, 1.1], [0, -0.1, 1, 0.9], [0, 10, 1, 11], [0, 10.1, 1, 11.1]]
    scores = [0.9, 0.75, 0.6, 0.95, 0.5]
    assert tf.image.non_max_suppression(boxes, scores, 3, 0.5).numpy().tolist() == [3, 0]
    assert tf.image.non_max_suppression(boxes, scores, 3, 0.9).numpy().tolist() == [3, 0, 1]
    assert tf.image.non_max_suppression(boxes, scores, 5, 0.5, 0.7).numpy().tolist() == [3, 0]
    indices, count = tf.image.non_max_suppression_padded(
        boxes, scores, 4, 0.5, pad_to_max_output_size=True
    )
    assert indices.numpy().tolist() == [3, 0, 0, 0] and int(count) == 2
    _, soft = tf.image.non_max_suppression_with_scores(boxes, scores, 5, soft_nms_sigma=0.5)
    assert soft.numpy()[0] == np.float32(0.95) and np.all(soft.numpy() <= 0.95)
    image = tf.zeros([1, 4, 4, 1])
    drawn = tf.image.draw_bounding_boxes(image, [[[0, 0, 1, 1]]], None)
    assert drawn[0, ..., 0].numpy().tolist() == [[1, 1, 1, 1], [1, 0, 0, 1], [1, 0, 0, 1], [1] * 4]


def test_errors():
    with pytest.raises(tf.errors.InvalidArgumentError, match=r"boxes must be 2-D\[4\]"):
        tf.image.non_max_suppression([0.0, 0, 1, 1], [0.5], 3)
    with pytest.raises(tf.errors.InvalidArgumentError, match="iou_threshold must be in"):
        tf.image.non_max_suppression([[0.0, 0, 1, 1]], [0.5], 3, iou_threshold=1.5)
    with pytest.raises(ValueError, match="must be True for batched input"):
        tf.image.non_max_suppression_padded(np.zeros((2, 3, 4)), np.zeros((2, 3)), 3)


def test_nms_with_overlaps_matches_tensorflow():
    tf_real = pytest.importorskip("tensorflow")
    overlaps = RNG.random((30, 30)).astype(np.float32)
    scores = RNG.random(30).astype(np.float32)
    for threshold in (0.3, 0.8):
        ours = tf.image.non_max_suppression_overlaps(overlaps, scores, 10, threshold, 0.2)
        theirs = tf_real.image.non_max_suppression_overlaps(overlaps, scores, 10, threshold, 0.2)
        assert ours.numpy().tolist() == theirs.numpy().tolist()


def test_nms_with_overlaps_known_values():
    overlaps = [[1.0, 0.7, 0.1], [0.7, 1.0, 0.2], [0.1, 0.2, 1.0]]
    kept = tf.image.non_max_suppression_overlaps(overlaps, [0.9, 0.8, 0.7], 3, 0.5)
    assert kept.numpy().tolist() == [0, 2]


def test_bad_arguments_get_tfs_messages_and_name_part():
    # Python lists take TF's slow path (no " name: " part), Tensors the fast path
    with pytest.raises(tf.errors.InvalidArgumentError) as raised:
        tf.image.non_max_suppression([[0.0, 0.0, 1.0, 1.0]], [1.0, 2.0], 1)
    assert str(raised.value).endswith(
        "}} scores has incompatible shape (Dimensions must be equal, but are 1 and 2) "
        "[Op:NonMaxSuppressionV3]"
    )
    with pytest.raises(tf.errors.InvalidArgumentError) as raised:
        tf.image.non_max_suppression(tf.constant([[0.0, 0.0, 1.0, 1.0]]), tf.constant([1.0]), -1)
    assert str(raised.value).endswith(
        "}} output size must be non-negative [Op:NonMaxSuppressionV3] name: "
    )
    with pytest.raises(tf.errors.InvalidArgumentError, match="Dimension must be 4 but is 3"):
        tf.image.non_max_suppression([[0.0, 0.0, 1.0]], [1.0], 1)


@pytest.mark.parametrize(
    "images,boxes,colors,message",
    [
        ([1, 2, 2, 3], [[0.0, 0.0, 1.0, 1.0]], [[1.0, 0.0, 0.0]], "The rank of the boxes tensor"),
        ([2, 2, 2, 3], [[[0.0, 0.0, 1.0]]], [[1.0, 0.0, 0.0]], "The batch sizes should be the"),
        ([1, 2, 2, 3], [[[0.0, 0.0, 1.0]]], [[1.0, 0.0]], "The size of the third dimension o"),
        ([1, 2, 2, 3], [[[0.0, 0.0, 1.0, 1.0]]], [[1.0, 0.0]], "colors must have equal or more"),
        ([1, 2, 2, 3], [[[0.0, 0.0, 1.0, 1.0]]], [1.0, 0.0, 1.0], "colors must be a 2-D matrix"),
    ],
)
def test_draw_bounding_boxes_errors_match_tensorflow(images, boxes, colors, message):
    tf_real = pytest.importorskip("tensorflow")
    with pytest.raises(tf_real.errors.InvalidArgumentError) as theirs:
        tf_real.image.draw_bounding_boxes(tf_real.ones(images), boxes, colors)
    with pytest.raises(tf.errors.InvalidArgumentError) as ours:
        tf.image.draw_bounding_boxes(tf.ones(images), boxes, colors)
    assert str(ours.value) == str(theirs.value)
    assert message in str(ours.value)


def test_draw_bounding_boxes_box_size_message():
    with pytest.raises(tf.errors.InvalidArgumentError) as info:
        tf.image.draw_bounding_boxes(tf.ones([1, 2, 2, 3]), tf.constant([[[0.0, 0.0, 1.0]]]), None)
    assert str(info.value).endswith(
        "The size of the third dimension of the box must be 4. Received: 3 "
        "[Op:DrawBoundingBoxes] name: "
    )
