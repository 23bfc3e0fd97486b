"""Functional models: ``keras.Model(inputs, outputs)`` over a graph of layer calls."""

from ..backend.name_scope import current_path
from ..backend import naming
from ..backend.keras_tensor import KerasTensor
from ..layers import mask_propagation
from ..layers.layer import Layer
from ..ops.node import flatten, pack_like
from ..layers.symbolic import replace_leaves
from .graph import map_graph
from .model import Model


def _check_tensors(structure, what):
    for x in flatten(structure):
        if not isinstance(x, KerasTensor):
            raise ValueError(
                "All `%s` values must be KerasTensors. Received: %s=%s including invalid value %s "
                "of type %s" % (what, what, structure, x, type(x))
            )


class Functional(Model):
    """A model defined by the graph between ``inputs`` and ``outputs`` (KerasTensors, or nested
    lists / dicts of them): shared layers, several inputs and outputs, residual connections."""

    _allow_non_tensor_positional_args = True  # Keras checks the inputs against the graph's

    def __init__(self, inputs, outputs, name=None, **kwargs):
        _check_tensors(inputs, "inputs")
        _check_tensors(outputs, "outputs")
        super().__init__(name=name or naming.uniquify("functional"), **kwargs)
        d = self.__dict__
        d["_inputs_struct"] = inputs
        d["_outputs_struct"] = outputs
        d["_inputs"] = flatten(inputs)
        d["_outputs"] = flatten(outputs)
        nodes_by_depth, operations = map_graph(self._inputs, outputs)
        d["_nodes_by_depth"] = nodes_by_depth
        d["_operations"] = operations
        d["_run_order"] = [
            node
            for depth in sorted(nodes_by_depth, reverse=True)
            for node in nodes_by_depth[depth]
            if not node.is_input
        ]
        for layer in operations:
            if not isinstance(layer, Layer):
                continue  # ops (``Add`` ...) hold no state
            self._tracked[layer.name] = layer
            self._modules[layer.name.replace(".", "_")] = layer
        with self._open_name_scope():
            d["_path"] = current_path()
        self.built = True

    @property
    def inputs(self):
        """The input KerasTensors (a flat list)."""
        return list(self._inputs)

    @property
    def outputs(self):
        """The output KerasTensors (a flat list)."""
        return list(self._outputs)

    @property
    def input(self):
        """The input structure given at construction."""
        return self._inputs_struct

    @property
    def output(self):
        """The output structure given at construction."""
        return self._outputs_struct

    @property
    def layers(self):
        """Every layer of the graph, InputLayers included, in Keras' order (ops such as ``Add``
        are in ``operations`` only)."""
        return [op for op in self._operations if isinstance(op, Layer)]

    @property
    def operations(self):
        """Every operation of the graph, layers and ops, in Keras' order."""
        return list(self._operations)

    def build(self, input_shape=None):
        """Functional models are built at construction."""
        self.built = True

    def __call__(self, *args, **kwargs):
        if args:  # Keras' input-spec check, before call
            self._flatten_inputs(args[0])
        return super().__call__(*args, **kwargs)

    def _spec_names(self):
        """Keras' names of the model's input specs: the input dict's keys (sorted), else the
        input layers' names."""
        if isinstance(self._inputs_struct, dict):
            return sorted(self._inputs_struct)
        return [x._keras_history.operation.name for x in self._inputs]

    def _input_names(self, inputs):
        """The input names a data dictionary ``inputs`` is read by (Keras' error when one is
        missing)."""
        names = self._spec_names()
        for name in names:
            if name not in inputs:
                raise ValueError(
                    'Missing data for input "%s". You passed a data dictionary with keys '
                    "%s. Expected the following keys: %s" % (name, list(inputs), names)
                )
        return names

    def _flatten_inputs(self, inputs):
        if isinstance(inputs, dict):
            by_key = isinstance(self._inputs_struct, dict)
            names = self._input_names(inputs)
            if not by_key:
                return [inputs[n] for n in names]
            inputs = {name: inputs[name] for name in names}
        flat = flatten(inputs)
        if len(flat) != len(self._inputs):
            names = self._spec_names()
            example = ", ".join("'%s': ..." % n for n in names)
            raise ValueError(
                'Layer "%s" expects %d named input(s) with keys %s, but it received %d input '
                "tensors. Pass inputs as a dict, e.g. `layer({%s})`."
                % (self.name, len(names), names, len(flat), example)
            )
        return flat

    def call(self, inputs, training=None, mask=None):
        flat_inputs = self._flatten_inputs(inputs)
        mask_propagation.set_input_masks(flat_inputs, mask)
        values = {id(x): value for x, value in zip(self._inputs, flat_inputs)}
        for node in self._run_order:
            args = replace_leaves(list(node.arguments), values)
            kwargs = replace_leaves(node.kwargs, values) if node.kwargs else {}
            outputs = node.operation(*args, **kwargs)
            for tensor, value in zip(node.outputs, flatten(outputs)):
                values[id(tensor)] = value
        outputs = pack_like(self._outputs_struct, iter([values[id(x)] for x in self._outputs]))
        if isinstance(outputs, (list, tuple)) and len(outputs) == 1:
            return outputs[0]  # Keras unpacks a one-element output structure
        return outputs
