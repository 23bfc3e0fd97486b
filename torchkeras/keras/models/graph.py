"""Ordering a functional graph: Keras' depth-first walk and depth assignment (``map_graph``)."""

import collections

from ..ops.node import flatten
from ...framework import tree as _tree


def _walk(inputs, tensor, finished, in_progress, ordered, operation_index):
    operation, node_index, _ = tensor._keras_history
    if operation is None:
        return
    node = operation._inbound_nodes[node_index]
    if node in finished:
        return
    if not node.is_input and any(tensor is x for x in inputs):
        finished.add(node)
        return
    if node in in_progress:
        raise ValueError(
            "Tensor %s from operation '%s' is part of a cycle." % (tensor, operation.name)
        )
    operation_index.setdefault(operation, len(operation_index))
    in_progress.add(node)
    if not node.is_input:
        for x in node.input_tensors:
            _walk(inputs, x, finished, in_progress, ordered, operation_index)
    finished.add(node)
    in_progress.remove(node)
    ordered.append(node)


def _paths(structure):
    """Keras' ``flatten_with_path`` paths, joined with dots, in flatten order."""
    return [
        ".".join(str(p) for p in path)
        for path, _ in _tree.flatten_with_path(structure, _tree.KERAS)
    ]


def map_graph(inputs, outputs):
    """``(nodes_by_depth, operations)`` of the graph from ``inputs`` to ``outputs``, in Keras'
    order.

    ``nodes_by_depth`` maps depth (0 at the outputs) to nodes; ``operations``
    lists the layers by decreasing depth, ties broken by traversal order.
    """
    ordered, operation_index = [], {}
    finished, in_progress = set(), set()
    for tensor in flatten(outputs):
        _walk(inputs, tensor, finished, in_progress, ordered, operation_index)
    in_graph = set(ordered)
    node_depth, operation_depth = {}, {}
    for node in reversed(ordered):
        depth = max(node_depth.setdefault(node, 0), operation_depth.get(node.operation, 0))
        operation_depth[node.operation] = depth
        node_depth[node] = depth
        for parent in node.parent_nodes:
            if parent in in_graph:
                node_depth[parent] = max(depth + 1, node_depth.get(parent, 0))
    for tensor in inputs:
        operation, node_index, _ = tensor._keras_history
        if (
            operation is not None
            and operation not in operation_depth
            and operation._inbound_nodes[node_index].is_input
        ):
            operation_depth[operation] = 0
            operation_index[operation] = -1
            node_depth[operation._inbound_nodes[node_index]] = 0
    nodes_by_depth = collections.defaultdict(list)
    for node, depth in node_depth.items():
        nodes_by_depth[depth].append(node)
    by_depth = collections.defaultdict(list)
    for operation, depth in operation_depth.items():
        by_depth[depth].append(operation)
    operations = []
    for depth in sorted(by_depth, reverse=True):
        operations.extend(sorted(by_depth[depth], key=lambda op: operation_index[op]))
    computable = {id(x) for x in inputs}
    for depth in sorted(nodes_by_depth, reverse=True):
        for node in nodes_by_depth[depth]:
            if not node.is_input and all(id(x) in computable for x in node.input_tensors):
                computable.update(id(x) for x in node.outputs)
    for path, tensor in zip(_paths(outputs), flatten(outputs)):
        if id(tensor) not in computable:
            raise ValueError("Output with path `%s` is not connected to `inputs`" % path)
    names = [op.name for op in operations]
    for name in names:
        if names.count(name) > 1:
            raise ValueError(
                'The name "%s" is used %d times in the model. All operation names should be unique.'
                % (name, names.count(name))
            )
    return dict(nodes_by_depth), operations
