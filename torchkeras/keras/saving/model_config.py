"""Configs of Sequential and functional models, and of a model's ``compile()`` arguments, in
Keras 3's layout."""

from ..backend.keras_tensor import KerasTensor
from . import serialization_lib

__all__ = [
    "sequential_config",
    "sequential_from_config",
    "functional_config",
    "functional_from_config",
    "compile_config",
    "compile_from_config",
]


def _serialize(obj):
    return serialization_lib.serialize_keras_object(obj)


def sequential_config(model):
    """Keras' ``Sequential`` config: ``name``, ``trainable``, ``dtype``, ``layers`` (InputLayer
    first) and ``build_input_shape``."""
    config = serialization_lib._jsonable(model.get_config())
    config["layers"] = [_serialize(layer) for layer in model._stack]
    return config


def sequential_from_config(cls, config, custom_objects=None, safe_mode=True):
    """A ``Sequential`` (or subclass) rebuilt from its config, each layer deserialized and the
    stack built."""
    model = cls(name=config.get("name"), trainable=config.get("trainable", True))
    for spec in config["layers"]:
        model.add(
            serialization_lib.deserialize_keras_object(spec, custom_objects, safe_mode),
            rebuild=False,
        )
    model._maybe_rebuild()
    if not model.built and config.get("build_input_shape"):
        model.build(config["build_input_shape"])
    return model


def _model_nodes(model):
    return {id(node) for nodes in model._nodes_by_depth.values() for node in nodes}


def functional_config(model):
    """Keras' functional config: every operation (layers and ops such as ``Add``) with its
    ``inbound_nodes``, then ``input_layers`` / ``output_layers``."""
    nodes = _model_nodes(model)
    reindex = {}
    for layer in model.operations:
        kept = 0
        for index, node in enumerate(layer._inbound_nodes):
            if id(node) in nodes:
                reindex[(id(layer), index)] = kept
                kept += 1

    def tensor_config(tensor):
        operation, node_index, tensor_index = tensor._keras_history
        return [operation.name, reindex[(id(operation), node_index)], tensor_index]

    def encode(value):
        if isinstance(value, KerasTensor):
            return {
                "class_name": "__keras_tensor__",
                "config": {
                    "shape": list(value.shape),
                    "dtype": value.dtype,
                    "keras_history": tensor_config(value),
                },
            }
        if isinstance(value, (list, tuple)):
            return [encode(item) for item in value]
        if isinstance(value, dict):
            return {key: encode(item) for key, item in value.items()}
        return _serialize(value)

    def map_tensors(structure):
        if isinstance(structure, KerasTensor):
            return tensor_config(structure)
        if isinstance(structure, dict):
            return {key: map_tensors(value) for key, value in structure.items()}
        return [map_tensors(item) for item in structure]

    layers = []
    for layer in model.operations:
        entry = _serialize(layer)
        entry["name"] = layer.name
        entry["inbound_nodes"] = [
            {"args": encode(list(node.arguments)), "kwargs": encode(node.kwargs)}
            for node in layer._inbound_nodes
            if id(node) in nodes and not node.is_input
        ]
        layers.append(entry)
    return {
        "name": model.name,
        "trainable": model.trainable,
        "layers": layers,
        "input_layers": map_tensors(model._inputs_struct),
        "output_layers": map_tensors(model._outputs_struct),
    }


def _node_tensor(created, name, node_index, tensor_index):
    if name not in created:
        raise ValueError("Invalid Functional model configuration. Missing node: %s" % name)
    layer = created[name]
    if len(layer._inbound_nodes) <= node_index:
        raise IndexError(name)
    return layer._inbound_nodes[node_index].outputs[tensor_index]


def _decode(value, created):
    if isinstance(value, dict):
        if value.get("class_name") == "__keras_tensor__":
            return _node_tensor(created, *value["config"]["keras_history"])
        if "class_name" in value and "config" in value:
            return serialization_lib.deserialize_keras_object(value)
        return {key: _decode(item, created) for key, item in value.items()}
    if isinstance(value, list):
        return [_decode(item, created) for item in value]
    return value


def _node_call(node_data, created):
    if isinstance(node_data, list):
        tensors, kwargs = [], {}
        for entry in node_data:
            tensors.append(_node_tensor(created, entry[0], entry[1], entry[2]))
            if len(entry) == 4:
                kwargs = entry[3]
        return [tensors[0] if len(tensors) == 1 else tensors], kwargs
    return _decode(node_data["args"], created), _decode(node_data.get("kwargs", {}), created)


def _map_layers(structure, created):
    if isinstance(structure, list) and len(structure) == 3 and isinstance(structure[0], str):
        return _node_tensor(created, *structure)
    if isinstance(structure, dict):
        return {key: _map_layers(value, created) for key, value in structure.items()}
    return [_map_layers(item, created) for item in structure]


def functional_from_config(config, custom_objects=None, safe_mode=True):
    """A functional model rebuilt from Keras' config: layers created, then called node by node
    (Keras' algorithm)."""
    from ..models.functional import Functional

    created, pending, order = {}, {}, []
    for layer_data in config["layers"]:
        layer = serialization_lib.deserialize_keras_object(layer_data, custom_objects, safe_mode)
        name = layer_data.get("name", layer_data["config"].get("name"))
        created[name] = layer
        order.append(name)
        if layer_data.get("inbound_nodes"):
            pending[name] = list(layer_data["inbound_nodes"])
    while pending:
        progressed = False
        for name in order:
            queue = pending.get(name)
            if not queue:
                continue
            while queue:
                try:
                    args, kwargs = _node_call(queue[0], created)
                except IndexError:
                    break
                created[name](*args, **kwargs)
                queue.pop(0)
                progressed = True
            if not queue:
                del pending[name]
        if not progressed:
            raise ValueError(
                "Invalid Functional model configuration. The graph of the Functional model either "
                "has "
                "loops or disconnected nodes. The following nodes failed to be resolved: %s"
                % pending
            )
    inputs = _map_layers(config["input_layers"], created)
    outputs = _map_layers(config["output_layers"], created)
    model = Functional(inputs=inputs, outputs=outputs, name=config.get("name"))
    if config.get("trainable") is False:
        model.trainable = False
    return model


def compile_config(model):
    """Keras' ``compile_config`` of a compiled model (optimizer, loss, loss weights, metrics,
    flags)."""
    compile_metrics = model._compile_metrics
    compile_loss = model._compile_loss
    return {
        "optimizer": _serialize(model.optimizer),
        "loss": _serialize(model.loss),
        "loss_weights": _serialize(compile_loss._loss_weights)
        if compile_loss is not None
        else None,
        "metrics": _serialize(compile_metrics._user_metrics)
        if compile_metrics is not None
        else None,
        "weighted_metrics": _serialize(compile_metrics._user_weighted_metrics)
        if compile_metrics is not None
        else None,
        "run_eagerly": model.run_eagerly,
        "steps_per_execution": model.steps_per_execution,
        "jit_compile": model.jit_compile,
    }


def compile_from_config(model, config, custom_objects=None):
    """Compiles ``model`` from ``compile_config`` and builds its optimizer so saved optimizer
    variables can load."""

    def revive(value):
        if isinstance(value, dict) and "class_name" in value:
            return serialization_lib.deserialize_keras_object(value, custom_objects)
        if isinstance(value, list):
            return [revive(item) for item in value]
        if isinstance(value, dict):
            return {key: revive(item) for key, item in value.items()}
        return value

    model.compile(
        optimizer=revive(config.get("optimizer", "rmsprop")),
        loss=revive(config.get("loss")),
        loss_weights=config.get("loss_weights"),
        metrics=revive(config.get("metrics")),
        weighted_metrics=revive(config.get("weighted_metrics")),
        run_eagerly=bool(config.get("run_eagerly", False)),
        steps_per_execution=config.get("steps_per_execution", 1) or 1,
    )
    if model.built:
        model.optimizer.build(model.trainable_variables)
