"""``Node``: one call of an operation (an op or a layer) on KerasTensors, the edge list of the
functional graph."""

from ...framework import tree as _tree
from ..backend.keras_tensor import KerasHistory, KerasTensor


def flatten(structure):
    """The leaves of a nested structure, in Keras' tree order (``keras.tree.flatten``)."""
    return _tree.flatten(structure, _tree.KERAS)


def pack_like(structure, leaves):
    """``structure`` with its leaves replaced, in order, by ``leaves`` (an iterator)."""
    return _tree.pack_sequence_as(structure, list(leaves), _tree.KERAS)


class Node:
    """A call of ``operation`` on ``arguments`` (KerasTensors among other values) producing
    ``outputs``."""

    def __init__(self, operation, arguments=(), kwargs=None, outputs=None, is_input=False):
        self.operation = operation
        self.arguments = tuple(arguments)
        self.kwargs = dict(kwargs or {})
        self.is_input = is_input
        self.outputs_structure = outputs
        self.outputs = [x for x in flatten(outputs) if isinstance(x, KerasTensor)]
        self.input_tensors = [
            x for x in flatten(list(self.arguments) + [self.kwargs]) if isinstance(x, KerasTensor)
        ]
        operation._inbound_nodes.append(self)
        node_index = len(operation._inbound_nodes) - 1
        for index, tensor in enumerate(self.outputs):
            tensor._keras_history = KerasHistory(operation, node_index, index)

    @property
    def parent_nodes(self):
        """The nodes that produced this node's input tensors."""
        out = []
        for tensor in self.input_tensors:
            operation, node_index, _ = tensor._keras_history
            if operation is not None:
                node = operation._inbound_nodes[node_index]
                if node not in out:
                    out.append(node)
        return out
