"""``tf.image`` box ops: non-max suppression (plain, with scores / Soft-NMS, padded,
combined) and ``draw_bounding_boxes``.

As TF's kernels: candidates above ``score_threshold`` are visited by decreasing score
(ties: lower index first), a box is dropped when its IoU (TF's float32 formula, corners in
any order, zero for empty boxes) with a kept box exceeds ``iou_threshold``; Soft-NMS decays
scores by ``exp(-iou^2 / (2 sigma))`` and re-queues the box. The selection runs on the host
(it is sequential); the results are int32 indices and float32 scores.
"""

import heapq

import numpy as np
import torch

from ..api_export import tf_export
from ..framework import device as _device
from ..framework import dtypes
from ..framework.convert import convert_to_tensor
from ..framework.errors import InvalidArgumentError
from ..framework.op_errors import dims_text, eager_name, op_error
from ..framework.tensor import wrap
from . import _image_args as args

__all__ = []


def _corners(boxes):
    """``(ymin, xmin, ymax, xmax, area)`` float32 arrays of ``[n, 4]`` boxes, as TF's IOU."""
    ymin = np.minimum(boxes[:, 0], boxes[:, 2])
    xmin = np.minimum(boxes[:, 1], boxes[:, 3])
    ymax = np.maximum(boxes[:, 0], boxes[:, 2])
    xmax = np.maximum(boxes[:, 1], boxes[:, 3])
    return ymin, xmin, ymax, xmax, (ymax - ymin) * (xmax - xmin)


def _iou(corners, i, others):
    """IoU (float32) of box ``i`` with the boxes ``others`` (an index array)."""
    ymin, xmin, ymax, xmax, area = corners
    height = np.maximum(np.minimum(ymax[i], ymax[others]) - np.maximum(ymin[i], ymin[others]), 0)
    width = np.maximum(np.minimum(xmax[i], xmax[others]) - np.maximum(xmin[i], xmin[others]), 0)
    inter = (height * width).astype(np.float32)
    union = (area[i] + area[others] - inter).astype(np.float32)
    with np.errstate(divide="ignore", invalid="ignore"):
        iou = (inter / union).astype(np.float32)
    return np.where((area[i] <= 0) | (area[others] <= 0), np.float32(0), iou)


def _order(scores, score_threshold):
    """Candidate indices above the threshold by decreasing score, ties by index."""
    keep = np.nonzero(scores > score_threshold)[0]
    return keep[np.argsort(-scores[keep], kind="stable")]


def _hard_nms(corners, scores, max_output, iou_threshold, score_threshold):
    selected = []
    for index in _order(scores, score_threshold):
        if len(selected) >= max_output:
            break
        if not selected or _iou(corners, index, np.asarray(selected)).max() <= iou_threshold:
            selected.append(int(index))
    return selected, [scores[i] for i in selected]


def _soft_nms(corners, scores, max_output, iou_threshold, score_threshold, sigma):
    """TF's ``DoNonMaxSuppressionOp`` with ``soft_nms_sigma > 0`` (scores decay, re-queue)."""
    scale = np.float32(-0.5 / sigma)
    queue = [(-scores[i], int(i), 0) for i in np.nonzero(scores > score_threshold)[0]]
    heapq.heapify(queue)
    selected, selected_scores = [], []
    while len(selected) < max_output and queue:
        negative, index, begin = heapq.heappop(queue)
        original = score = np.float32(-negative)
        for j in range(len(selected) - 1, begin - 1, -1):
            iou = _iou(corners, index, np.asarray([selected[j]]))[0]
            score = np.float32(score * np.exp(np.float32(scale * iou * iou)))
            if score <= score_threshold:
                break
        if score == original:
            selected.append(index)
            selected_scores.append(score)
        elif score > score_threshold:
            heapq.heappush(queue, (-score, index, len(selected)))
    return selected, selected_scores


def _nms_inputs(boxes, scores, max_output_size, iou_threshold, score_threshold, opname):
    name = eager_name(boxes, scores)
    box_storage = convert_to_tensor(boxes, dtype_hint=dtypes.float32)._value
    score_storage = convert_to_tensor(scores, dtype_hint=dtypes.float32)._value
    if box_storage.dim() != 2:
        raise op_error(
            opname, "boxes must be 2-D%s" % dims_text(box_storage.shape), box_storage, name
        )
    if box_storage.shape[1] != 4:
        raise op_error(
            opname,
            "boxes must have 4 columns (Dimension must be 4 but is %d)" % box_storage.shape[1],
            box_storage,
            name,
        )
    if score_storage.dim() != 1:
        raise op_error(
            opname, "scores must be 1-D%s" % dims_text(score_storage.shape), score_storage, name
        )
    if score_storage.shape[0] != box_storage.shape[0]:
        raise op_error(
            opname,
            "scores has incompatible shape (Dimensions must be equal, but are %d and %d)"
            % (box_storage.shape[0], score_storage.shape[0]),
            score_storage,
            name,
        )
    max_output, _ = args.scalar(max_output_size)
    if max_output < 0:
        raise op_error(opname, "output size must be non-negative", box_storage, name)
    iou, _ = args.scalar(iou_threshold)
    if not 0 <= iou <= 1:
        raise op_error(opname, "iou_threshold must be in [0, 1]", box_storage, name)
    corners = _corners(box_storage.detach().cpu().numpy().astype(np.float32))
    host_scores = score_storage.detach().cpu().numpy().astype(np.float32)
    threshold = np.float32(args.scalar(score_threshold)[0])
    return corners, host_scores, int(max_output), np.float32(iou), threshold


def _indices(selected, pad_to=None):
    values = list(selected) + [0] * max(0, (pad_to or 0) - len(selected))
    return wrap(torch.tensor(values, dtype=torch.int32, device=_device.current()))


@tf_export("image.non_max_suppression")
def non_max_suppression(
    boxes,
    scores,
    max_output_size,
    iou_threshold=0.5,
    score_threshold=float("-inf"),
    name=None,
):
    """Indices (int32) of at most ``max_output_size`` boxes ``[y1, x1, y2, x2]`` kept by greedy
    non-max suppression, by decreasing score."""
    corners, host_scores, max_output, iou, threshold = _nms_inputs(
        boxes, scores, max_output_size, iou_threshold, score_threshold, "NonMaxSuppressionV3"
    )
    return _indices(_hard_nms(corners, host_scores, max_output, iou, threshold)[0])


@tf_export("image.non_max_suppression_overlaps")
def non_max_suppression_with_overlaps(
    overlaps,
    scores,
    max_output_size,
    overlap_threshold=0.5,
    score_threshold=float("-inf"),
    name=None,
):
    """Greedy non-max suppression with a given ``[n, n]`` overlap matrix instead of IoU: a box
    is dropped when its overlap with a kept box exceeds ``overlap_threshold``."""
    matrix = convert_to_tensor(overlaps, dtype_hint=dtypes.float32)._value
    score_storage = convert_to_tensor(scores, dtype_hint=dtypes.float32)._value
    opname = "NonMaxSuppressionWithOverlaps"
    if matrix.dim() != 2 or matrix.shape[0] != matrix.shape[1]:
        raise op_error(opname, "overlaps must be square%s" % dims_text(matrix.shape), matrix)
    if score_storage.dim() != 1 or score_storage.shape[0] != matrix.shape[0]:
        raise op_error(
            opname, "scores has incompatible shape%s" % dims_text(score_storage.shape), matrix
        )
    host = matrix.detach().cpu().numpy().astype(np.float32)
    host_scores = score_storage.detach().cpu().numpy().astype(np.float32)
    limit = np.float32(args.scalar(overlap_threshold)[0])
    max_output = int(args.scalar(max_output_size)[0])
    selected = []
    for index in _order(host_scores, np.float32(args.scalar(score_threshold)[0])):
        if len(selected) >= max_output:
            break
        if not selected or host[index, selected].max() <= limit:
            selected.append(int(index))
    return _indices(selected)


@tf_export("image.non_max_suppression_with_scores")
def non_max_suppression_with_scores(
    boxes,
    scores,
    max_output_size,
    iou_threshold=0.5,
    score_threshold=float("-inf"),
    soft_nms_sigma=0.0,
    name=None,
):
    """``(indices, scores)`` of non-max suppression; ``soft_nms_sigma > 0`` runs Soft-NMS
    (the returned scores are the decayed ones)."""
    corners, host_scores, max_output, iou, threshold = _nms_inputs(
        boxes, scores, max_output_size, iou_threshold, score_threshold, "NonMaxSuppressionV5"
    )
    sigma = float(args.scalar(soft_nms_sigma)[0])
    if sigma < 0:
        raise op_error("NonMaxSuppressionV5", "soft_nms_sigma must be non-negative", None)
    if sigma > 0:
        selected, kept = _soft_nms(corners, host_scores, max_output, iou, threshold, sigma)
    else:
        selected, kept = _hard_nms(corners, host_scores, max_output, iou, threshold)
    out_scores = torch.tensor(np.asarray(kept, np.float32), device=_device.current())
    return _indices(selected), wrap(out_scores)


def _overlap(a, b):
    """TF's ``_bbox_overlap``: IoU ``[batch, n, m]`` of canonical boxes (union + 1e-8)."""
    a_ymin, a_xmin, a_ymax, a_xmax = a.unbind(-1)
    b_ymin, b_xmin, b_ymax, b_xmax = (c[:, None, :] for c in b.unbind(-1))
    a_ymin, a_xmin, a_ymax, a_xmax = (c[:, :, None] for c in (a_ymin, a_xmin, a_ymax, a_xmax))
    inter = torch.clamp(torch.minimum(a_xmax, b_xmax) - torch.maximum(a_xmin, b_xmin), min=0)
    inter = inter * torch.clamp(
        torch.minimum(a_ymax, b_ymax) - torch.maximum(a_ymin, b_ymin), min=0
    )
    a_area = (a_ymax - a_ymin) * (a_xmax - a_xmin)
    b_area = (b_ymax - b_ymin) * (b_xmax - b_xmin)
    return inter / (a_area + b_area - inter + 1e-8)


def _suppress_tile(boxes, threshold, index, tile_size):
    """TF's ``_suppression_loop_body`` for tile ``index``: returns the tile's boxes, zeroed
    where suppressed."""
    tile = boxes[:, index * tile_size : (index + 1) * tile_size]
    for inner in range(index):
        earlier = boxes[:, inner * tile_size : (inner + 1) * tile_size]
        keep = (_overlap(earlier, tile) < threshold).all(dim=1)
        tile = tile * keep[..., None].to(tile.dtype)
    iou = _overlap(tile, tile)
    order = torch.arange(tile_size, device=boxes.device)
    upper = (order[None, :] > order[:, None])[None]
    iou = iou * (upper & (iou >= threshold)).to(iou.dtype)
    total = iou.sum(dim=(1, 2))
    while True:
        can_suppress = (iou.max(dim=1).values < threshold).to(iou.dtype)[..., None]
        iou = ((can_suppress * iou).max(dim=1).values < threshold).to(iou.dtype)[..., None] * iou
        new_total = iou.sum(dim=(1, 2))
        changed = bool((total - new_total > threshold).any())
        total = new_total
        if not changed:
            break
    suppressed = iou.sum(dim=1) > 0
    return tile * (1.0 - suppressed.to(tile.dtype))[..., None]


def _padded_v2(
    boxes, scores, max_output, threshold, score_threshold, sorted_input, canonical, tile_size
):
    """TF's ``non_max_suppression_padded_v2`` (tiled, float32): ``(idx, num_valid)`` for
    ``[batch, n, 4]`` boxes."""
    batch, count = scores.shape
    if score_threshold != float("-inf"):
        mask = (scores > score_threshold).to(scores.dtype)
        scores = scores * mask
        boxes = boxes * mask[..., None].to(boxes.dtype)
    if not canonical and count:
        y1, x1, y2, x2 = boxes.unbind(-1)
        ymin, ymax = (y1, y2) if bool(y1[0, 0] <= y2[0, 0]) else (y2, y1)
        xmin, xmax = (x1, x2) if bool(x1[0, 0] <= x2[0, 0]) else (x2, x1)
        boxes = torch.stack([ymin, xmin, ymax, xmax], dim=-1)
    if sorted_input:
        order = torch.zeros_like(scores, dtype=torch.int64)
    else:
        order = torch.argsort(scores, dim=1, descending=True, stable=True)
        boxes = torch.gather(boxes, 1, order[..., None].expand(-1, -1, 4))
    tiles = -(-max(count, max_output) // tile_size)
    padded = torch.zeros((batch, tiles * tile_size, 4), dtype=torch.float32, device=boxes.device)
    padded[:, :count] = boxes.to(torch.float32)
    output_size = torch.zeros(batch, dtype=torch.int64, device=boxes.device)
    index = 0
    while int(output_size.min()) < max_output and index < tiles:
        tile = _suppress_tile(padded, threshold, index, tile_size)
        padded = padded.clone()
        padded[:, index * tile_size : (index + 1) * tile_size] = tile
        output_size += (tile > 0).any(dim=2).sum(dim=1)
        index += 1
    num_valid = torch.clamp(output_size, max=max_output)
    size = tiles * tile_size
    ranks = (padded > 0).any(dim=2).to(torch.int64) * torch.arange(size, 0, -1, device=boxes.device)
    idx = size - torch.topk(ranks, max_output, dim=1).values if max_output else ranks[:, :0]
    idx = torch.clamp(idx, max=count - 1)
    if not sorted_input:
        idx = torch.gather(order, 1, idx.clamp(min=0))
    valid = torch.arange(max_output, device=boxes.device)[None] < num_valid[:, None]
    return torch.where(valid, idx, torch.zeros_like(idx)).to(torch.int32), num_valid.to(torch.int32)


@tf_export("image.non_max_suppression_padded")
def non_max_suppression_padded(
    boxes,
    scores,
    max_output_size,
    iou_threshold=0.5,
    score_threshold=float("-inf"),
    pad_to_max_output_size=False,
    name=None,
    sorted_input=False,
    canonicalized_coordinates=False,
    tile_size=512,
):
    """``(indices, num_valid)``: TF's tiled non-max suppression of ``[..., n, 4]`` boxes (it
    suppresses at ``iou >= iou_threshold``, takes the corner order of the first box for all,
    and treats boxes with no positive coordinate as empty), the indices zero-padded to
    ``max_output_size`` when ``pad_to_max_output_size`` (required for batched input)."""
    box_storage = convert_to_tensor(boxes, dtype_hint=dtypes.float32)._value
    score_storage = convert_to_tensor(scores, dtype_hint=dtypes.float32)._value
    if not pad_to_max_output_size and box_storage.dim() > 2:
        raise ValueError(
            "'pad_to_max_output_size' (value {}) must be True for batched input".format(
                pad_to_max_output_size
            )
        )
    batch_shape = box_storage.shape[:-2]
    count = box_storage.shape[-2]
    max_output = int(args.scalar(max_output_size)[0])
    idx, num_valid = _padded_v2(
        box_storage.reshape(-1, count, 4),
        score_storage.reshape(-1, count),
        max_output,
        float(np.float32(args.scalar(iou_threshold)[0])),
        float(args.scalar(score_threshold)[0]),
        sorted_input,
        canonicalized_coordinates,
        int(tile_size),
    )
    num_valid = num_valid.reshape(batch_shape)
    if not pad_to_max_output_size:
        return wrap(idx[0, : int(num_valid)]), wrap(num_valid)
    return wrap(idx.reshape(*batch_shape, max_output)), wrap(num_valid)


def _combined_inputs(boxes, scores):
    box_storage = convert_to_tensor(boxes, dtype_hint=dtypes.float32)._value
    score_storage = convert_to_tensor(scores, dtype_hint=dtypes.float32)._value
    opname = "CombinedNonMaxSuppression"
    if box_storage.dim() != 4:
        raise op_error(opname, "boxes must be 4-D%s" % dims_text(box_storage.shape), None)
    if score_storage.dim() != 3:
        raise op_error(opname, "scores must be 3-D%s" % dims_text(score_storage.shape), None)
    q, classes = box_storage.shape[2], score_storage.shape[2]
    if q != 1 and q != classes:
        raise op_error(opname, "third dimension of boxes must be either 1 or num classes", None)
    if box_storage.shape[3] != 4:
        raise op_error(opname, "boxes must have 4 columns", None)
    return box_storage.detach().cpu().numpy(), score_storage.detach().cpu().numpy()


@tf_export("image.combined_non_max_suppression")
def combined_non_max_suppression(
    boxes,
    scores,
    max_output_size_per_class,
    max_total_size,
    iou_threshold=0.5,
    score_threshold=float("-inf"),
    pad_per_class=False,
    clip_boxes=True,
    name=None,
):
    """Per-class non-max suppression over a batch, merged by score: ``(nmsed_boxes
    [b, k, 4], nmsed_scores [b, k], nmsed_classes [b, k], valid_detections [b])`` where ``k``
    is ``max_total_size`` (or ``min(per_class * classes, max_total_size)`` with
    ``pad_per_class``)."""
    host_boxes, host_scores = _combined_inputs(boxes, scores)
    per_class = int(args.scalar(max_output_size_per_class)[0])
    total = int(args.scalar(max_total_size)[0])
    if per_class <= 0 or total <= 0:
        raise InvalidArgumentError(
            None,
            None,
            "max_size_per_class and max_total_size must be positive [Op:CombinedNonMaxSuppression]",
        )
    iou = np.float32(args.scalar(iou_threshold)[0])
    threshold = np.float32(args.scalar(score_threshold)[0])
    batch, _, q, _ = host_boxes.shape
    classes = host_scores.shape[2]
    detections = min(per_class * classes, total) if pad_per_class else total
    out_boxes = np.zeros((batch, detections, 4), np.float32)
    out_scores = np.zeros((batch, detections), np.float32)
    out_classes = np.zeros((batch, detections), np.float32)
    valid = np.zeros((batch,), np.int32)
    for b in range(batch):
        found = []
        for c in range(classes):
            class_boxes = host_boxes[b, :, 0 if q == 1 else c].astype(np.float32)
            class_scores = host_scores[b, :, c].astype(np.float32)
            selected, kept = _hard_nms(
                _corners(class_boxes), class_scores, per_class, iou, threshold
            )
            found += [(score, c, class_boxes[i]) for i, score in zip(selected, kept)]
        found.sort(key=lambda item: -item[0])
        found = found[:detections]
        valid[b] = len(found)
        for k, (score, c, box) in enumerate(found):
            out_boxes[b, k] = np.clip(box, 0, 1) if clip_boxes else box
            out_scores[b, k] = score
            out_classes[b, k] = c
    device = _device.current()
    return tuple(
        wrap(torch.from_numpy(a).to(device)) for a in (out_boxes, out_scores, out_classes, valid)
    )


_DEFAULT_COLORS = (
    (1, 1, 0, 1),
    (0, 0, 1, 1),
    (1, 0, 0, 1),
    (0, 1, 0, 1),
    (0.5, 0, 0.5, 1),
    (0.5, 0.5, 0, 1),
    (0.5, 0, 0, 1),
    (0, 0, 0.5, 1),
    (0, 1, 1, 1),
    (1, 0, 1, 1),
)


def _color_table(colors, depth, name):
    if colors is None:
        table = np.asarray(_DEFAULT_COLORS, np.float32)
    else:
        table = convert_to_tensor(colors, dtype_hint=dtypes.float32)._value.cpu().numpy()
        if table.ndim != 2:
            raise op_error(
                "DrawBoundingBoxesV2",
                "colors must be a 2-D matrix%s" % dims_text(table.shape),
                name=name,
            )
        if table.shape[1] < depth:
            raise op_error(
                "DrawBoundingBoxesV2",
                "colors must have equal or more channels than the image provided: %s"
                % dims_text(table.shape),
                name=name,
            )
        if not len(table):
            table = np.asarray(_DEFAULT_COLORS, np.float32)
    table = table.astype(np.float32).copy()
    if depth == 1:
        table[:, 0] = 1
    return table


@tf_export("image.draw_bounding_boxes")
def draw_bounding_boxes(images, boxes, colors, name=None):
    """Draws one-pixel outlines of the normalised boxes ``[batch, n, 4]`` on float images
    ``[batch, h, w, depth]`` (box ``i`` in ``colors[i % len(colors)]``; TF's palette when
    ``colors`` is None)."""
    canvas = args.image_storage(images)
    opname = "DrawBoundingBoxesV2" if colors is not None else "DrawBoundingBoxes"
    name = eager_name(*(x for x in (images, boxes, colors) if x is not None))
    if canvas.dim() != 4:
        raise op_error(opname, "The rank of the images should be 4", name=name)
    batch, height, width, depth = canvas.shape
    box_array = convert_to_tensor(boxes, dtype_hint=dtypes.float32)._value.cpu().numpy()
    if box_array.ndim != 3:
        raise op_error(opname, "The rank of the boxes tensor should be 3", name=name)
    if box_array.shape[0] != batch:
        raise op_error(opname, "The batch sizes should be the same", name=name)
    if box_array.shape[2] != 4:
        raise op_error(
            opname,
            "The size of the third dimension of the box must be 4. Received: %d"
            % box_array.shape[2],
            name=name,
        )
    table = _color_table(colors, depth, name)
    out = canvas.detach().clone()
    colours = torch.as_tensor(table[:, :depth], dtype=canvas.dtype, device=canvas.device)
    for b in range(batch):
        for index, box in enumerate(box_array[b].astype(np.float32)):
            colour = colours[index % len(table)]
            top, left = int(box[0] * (height - 1)), int(box[1] * (width - 1))
            bottom, right = int(box[2] * (height - 1)), int(box[3] * (width - 1))
            if top > bottom or left > right:
                continue
            if top >= height or bottom < 0 or left >= width or right < 0:
                continue
            rows = slice(max(top, 0), min(bottom, height - 1) + 1)
            cols = slice(max(left, 0), min(right, width - 1) + 1)
            if top >= 0:
                out[b, top, cols] = colour
            if bottom < height:
                out[b, bottom, cols] = colour
            if left >= 0:
                out[b, rows, left] = colour
            if right < width:
                out[b, rows, right] = colour
    return wrap(out)
