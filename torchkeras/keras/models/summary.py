"""``model.summary()``: Keras 3's table, drawn with the same box characters and column widths.

Keras renders it with ``rich``; this module reproduces the plain-text result
(no colours): widths from ``line_length`` (88, or 108 with a "Connected to"
column, capped at the terminal width minus 4) and ``positions``, reduced as
rich reduces a fixed-width table, cells wrapped at spaces.
"""

import math
import shutil

from ..ops.node import flatten
from ...framework import tree as _tree


def _readable_size(size):
    for unit in ("B", "KB", "MB", "GB", "TB", "PB"):
        if size / 1024 < 1:
            return "%.2f %s" % (size, unit)
        size /= 1024
    return "%.2f PB" % size


def _memory(weights):
    unique = {id(w): w for w in weights}.values()
    return sum(math.prod(tuple(w.shape)) * w.dtype.size for w in unique)


def _count(weights):
    return int(sum(math.prod(tuple(w.shape)) for w in weights))


def _format_shape(shape):
    """Keras' ``format_shape``: ``(None, 3)``, and ``(None)`` for one dim."""
    return "(%s)" % ", ".join(str(d) for d in shape)


def _layer_shape(layer):
    if layer._inbound_nodes:
        outputs = layer._inbound_nodes[-1].outputs_structure
        shapes = [_format_shape(x.shape) for x in flatten(outputs)]
        if len(shapes) == 1:
            return shapes[0]
        return str(_map_shapes(outputs)).replace("'", "")
    if layer._build_shapes is None:
        return "?"
    try:
        shape = layer.compute_output_shape(layer._build_shapes)
    except NotImplementedError:
        return "?"
    if isinstance(shape, tuple) and all(d is None or isinstance(d, int) for d in shape):
        return _format_shape(shape)
    return str(shape)


def _map_shapes(outputs):
    return _tree.map_structure(lambda x: _format_shape(x.shape), outputs, rules=_tree.KERAS)


def _wrap(text, width):
    """Rich's word wrap: greedy at spaces; a word longer than the width gets its own line, cut
    with "…"."""
    lines = []
    for paragraph in text.split("\n"):
        line = None
        for word in paragraph.split(" "):
            if len(word) > width:
                if line is not None:
                    lines.append(line)
                    line = None
                lines.append(word[: width - 1] + "…")
            elif line is None:
                line = word
            elif len(line) + 1 + len(word) <= width:
                line += " " + word
            else:
                lines.append(line)
                line = word
        if line is not None:
            lines.append(line)
    return lines or [""]


def _align(text, width, align):
    excess = width - len(text)
    if align == "right":
        return " " * excess + text
    if align == "center":
        return " " * (excess // 2) + text + " " * (excess - excess // 2)
    return text + " " * excess


def _reduce(widths, excess):
    """rich's ``ratio_reduce`` with equal ratios: take ``excess`` columns off, spread evenly."""
    out, remaining, ratio_total = [], excess, len(widths)
    for width in widths:
        cut = min(width, round(remaining / ratio_total))
        out.append(width - cut)
        remaining -= cut
        ratio_total -= 1
    return out


def _render(header, alignment, widths, rows):
    def cells(values):
        wrapped = [_wrap(v, w - 2) for v, w in zip(values, widths)]
        height = max(len(c) for c in wrapped)
        lines = []
        for i in range(height):
            parts = []
            for column, width, align in zip(wrapped, widths, alignment):
                text = column[i] if i < len(column) else ""
                text = _align(text, width - 2, align)
                parts.append(" " + text + " ")
            lines.append(parts)
        return lines

    def rule(left, fill, mid, right):
        return left + mid.join(fill * w for w in widths) + right

    out = [rule("┏", "━", "┳", "┓")]
    out.extend("┃" + "┃".join(parts) + "┃" for parts in cells(header))
    out.append(rule("┡", "━", "╇", "┩"))
    for index, row in enumerate(rows):
        if index:
            out.append(rule("├", "─", "┼", "┤"))
        out.extend("│" + "│".join(parts) + "│" for parts in cells(row))
    out.append(rule("└", "─", "┴", "┘"))
    return out


def _sequential_like(model):
    from .functional import Functional
    from .sequential import Sequential

    if isinstance(model, Sequential) or not isinstance(model, Functional):
        return True
    nodes = []
    for depth_nodes in model._nodes_by_depth.values():
        if len(depth_nodes) > 1 or (
            len(depth_nodes) == 1 and len(depth_nodes[0].input_tensors) > 1
        ):
            return False
        nodes += depth_nodes
    for layer in model.layers:
        if sum(1 for node in layer._inbound_nodes if node in nodes) > 1:
            return False
    return True


def print_summary(
    model,
    line_length=None,
    positions=None,
    print_fn=None,
    expand_nested=False,
    show_trainable=False,
    layer_range=None,
):
    """Prints (or passes to ``print_fn``) the summary of ``model``."""
    from .functional import Functional

    sequential_like = _sequential_like(model)
    layers = model.operations if isinstance(model, Functional) else model.layers
    if sequential_like:
        default_length, positions = 88, positions or [0.45, 0.80, 1.0]
        header, alignment = ["Layer (type)", "Output Shape", "Param #"], ["left", "left", "right"]
    else:
        default_length, positions = 108, positions or [0.3, 0.56, 0.74, 1.0]
        header = ["Layer (type)", "Output Shape", "Param #", "Connected to"]
        alignment = ["left", "left", "right", "left"]
    relevant = (
        [n for nodes in model._nodes_by_depth.values() for n in nodes]
        if isinstance(model, Functional)
        else []
    )
    if show_trainable:
        default_length += 12
        positions = [p * 0.90 for p in positions] + [1.0]
        header.append("Trainable")
        alignment.append("center")
    line_length = line_length or min(default_length, shutil.get_terminal_size().columns - 4)
    if positions[-1] <= 1:
        positions = [int(line_length * p) for p in positions]
    widths, current = [], 0
    for position in positions:
        width = position - current
        if width < 4:
            raise ValueError("Insufficient console width to print summary.")
        widths.append(width)
        current += width
    widths = _reduce(widths, sum(widths) + len(widths) + 1 - line_length)

    def connections(layer):
        parts = []
        for node in layer._inbound_nodes:
            if relevant and node not in relevant:
                continue
            for tensor in node.input_tensors:
                history = tensor._keras_history
                parts.append(
                    "%s[%d][%d]"
                    % (history.operation.name, history.node_index, history.tensor_index)
                )
        return ", ".join(parts) or "-"

    def fields(layer, prefix=""):
        if not hasattr(layer, "built"):
            params = "0"  # an op (``Add`` ...)
        elif not layer.built:
            params = "0 (unbuilt)"
        else:
            params = "{:,}".format(layer.count_params())
        row = [
            "%s%s (%s)" % (prefix, layer.name, type(layer).__name__),
            _layer_shape(layer),
            params,
        ]
        if not sequential_like:
            row.append(connections(layer))
        if show_trainable:
            weights = getattr(layer, "weights", None)
            row.append(("Y" if layer.trainable else "N") if weights else "-")
        rows = [row]
        if expand_nested and hasattr(layer, "layers") and layer.layers:
            for sub in layer.layers:
                rows.extend(fields(sub, "   " * (prefix.count("└") + 1) + "└ "))
        return rows

    start, stop = 0, len(layers)
    if layer_range is not None:
        import re

        names = [layer.name for layer in layers]
        matches_start = [i for i, n in enumerate(names) if re.match(layer_range[0], n)]
        matches_stop = [i for i, n in enumerate(names) if re.match(layer_range[1], n)]
        if not matches_start or not matches_stop:
            raise ValueError(
                "Passed layer_names do not match the layer names in the model. Received: %s"
                % (layer_range,)
            )
        start, stop = min(matches_start), max(matches_stop) + 1
    rows = [r for layer in layers[start:stop] for r in fields(layer)]
    trainable = model.trainable_weights
    non_trainable = model.non_trainable_weights
    trainable_count, non_trainable_count = _count(trainable), _count(non_trainable)
    optimizer = getattr(model, "optimizer", None) if getattr(model, "compiled", False) else None
    optimizer_variables = (
        list(optimizer.variables)
        if optimizer is not None and getattr(optimizer, "built", False)
        else None
    )
    optimizer_count = _count(optimizer_variables or [])
    optimizer_memory = _memory(optimizer_variables or [])
    lines = ['Model: "%s"' % model.name] + _render(header, alignment, widths, rows)
    lines.append(
        " Total params: {:,} ({})".format(
            trainable_count + non_trainable_count + optimizer_count,
            _readable_size(_memory(trainable) + _memory(non_trainable) + optimizer_memory),
        )
    )
    lines.append(
        " Trainable params: {:,} ({})".format(trainable_count, _readable_size(_memory(trainable)))
    )
    lines.append(
        " Non-trainable params: {:,} ({})".format(
            non_trainable_count, _readable_size(_memory(non_trainable))
        )
    )
    if optimizer_variables is not None:
        lines.append(
            " Optimizer params: {:,} ({})".format(optimizer_count, _readable_size(optimizer_memory))
        )
    text = "\n".join(lines) + "\n"
    if print_fn is None:
        print(text, end="")
    else:
        print_fn(text)
