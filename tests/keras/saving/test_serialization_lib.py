"""keras.saving: object serialization, the custom-object registry, to_json / model_from_json (no
h5py needed)."""

import json

import numpy as np
import pytest

from torchkeras import keras
from torchkeras.keras import saving


def sequential():
    return keras.Sequential(
        [
            keras.Input((4,)),
            keras.layers.Dense(3, activation="relu"),
            keras.layers.BatchNormalization(),
            keras.layers.Dense(2),
        ]
    )


def test_sequential_config_layout_matches_keras():
    config = saving.serialize_keras_object(sequential())
    assert (config["module"], config["class_name"], config["registered_name"]) == (
        "keras",
        "Sequential",
        None,
    )
    layers = config["config"]["layers"]
    assert [layer["class_name"] for layer in layers] == [
        "InputLayer",
        "Dense",
        "BatchNormalization",
        "Dense",
    ]
    assert layers[1]["module"] == "keras.layers" and layers[1]["build_config"] == {
        "input_shape": (None, 4)
    }
    assert config["build_config"] == {"input_shape": (None, 4)} and config["compile_config"] == {}
    json.dumps(config)


def test_functional_config_nodes_and_round_trip():
    ids = keras.Input((5,), dtype="int32", name="ids")
    feats = keras.Input((2,), name="f")
    embedded = keras.layers.Flatten()(keras.layers.Embedding(10, 2)(ids))
    dense = keras.layers.Dense(2)
    added = keras.layers.Add(name="sum")([dense(feats), dense(feats)])
    out = keras.layers.Dense(1)(keras.layers.Concatenate()([embedded, added]))
    model = keras.Model([ids, feats], out)
    config = saving.serialize_keras_object(model)
    assert config["module"] == "keras.src.models.functional" and config["build_config"] == {
        "input_shape": None
    }
    inner = config["config"]
    assert inner["input_layers"] == [["ids", 0, 0], ["f", 0, 0]]
    assert inner["output_layers"][1:] == [0, 0]
    by_name = {layer["name"]: layer for layer in inner["layers"]}
    assert len(by_name[dense.name]["inbound_nodes"]) == 2
    add_args = by_name["sum"]["inbound_nodes"][0]["args"][0]
    assert [a["config"]["keras_history"] for a in add_args] == [
        [dense.name, 0, 0],
        [dense.name, 1, 0],
    ]
    clone = keras.models.model_from_json(model.to_json())
    clone.set_weights(model.get_weights())
    x = [np.random.randint(0, 10, (3, 5)).astype("int32"), np.random.rand(3, 2).astype("float32")]
    np.testing.assert_allclose(clone.predict(x, verbose=0), model.predict(x, verbose=0), rtol=1e-6)


def test_to_json_round_trip_sequential():
    model = sequential()
    clone = keras.models.model_from_json(model.to_json())
    assert [type(layer) for layer in clone.layers] == [type(layer) for layer in model.layers]
    assert [w.shape for w in clone.get_weights()] == [w.shape for w in model.get_weights()]


def test_compile_config_restores_optimizer_loss_and_metrics():
    model = sequential()
    model.compile(optimizer=keras.optimizers.Adam(0.01), loss="mse", metrics=["mae"])
    config = saving.serialize_keras_object(model)
    assert config["compile_config"]["optimizer"]["class_name"] == "Adam"
    clone = saving.deserialize_keras_object(json.loads(json.dumps(config)))
    assert isinstance(clone.optimizer, keras.optimizers.Adam)
    assert clone.optimizer.get_config()["learning_rate"] == pytest.approx(0.01)
    assert clone.loss == "mse" and len(clone.optimizer.variables) == 2 + 2 * len(
        clone.trainable_variables
    )


def test_register_keras_serializable_and_lookups():
    @saving.register_keras_serializable(package="tests")
    class Doubling(keras.layers.Layer):
        def call(self, x):
            return x * 2.0

    assert saving.get_registered_name(Doubling) == "tests>Doubling"
    assert saving.get_registered_object("tests>Doubling") is Doubling
    config = saving.serialize_keras_object(Doubling(name="twice"))
    assert config["registered_name"] == "tests>Doubling"
    revived = saving.deserialize_keras_object(config)
    assert isinstance(revived, Doubling) and revived.name == "twice"
    with pytest.raises(ValueError, match="get_config"):
        saving.register_keras_serializable()(type("NoConfig", (), {}))


def test_unknown_class_and_custom_object_scope():
    class Custom(keras.layers.Layer):
        pass

    config = saving.serialize_keras_object(Custom(name="c"))
    with pytest.raises(TypeError, match="Could not locate class 'Custom'"):
        saving.deserialize_keras_object(config)
    assert isinstance(
        saving.deserialize_keras_object(config, custom_objects={"Custom": Custom}), Custom
    )
    with saving.custom_object_scope({"Custom": Custom}):
        assert isinstance(saving.deserialize_keras_object(config), Custom)


def test_lambda_refused_in_safe_mode_with_keras_message():
    model = keras.Sequential([keras.Input((3,)), keras.layers.Lambda(lambda t: t * 3.0)])
    with pytest.warns(UserWarning, match="includes a `lambda`"):
        text = model.to_json()
    with pytest.raises(ValueError, match="Requested the deserialization of a `Lambda` layer"):
        saving.deserialize_keras_object(json.loads(text))
    clone = saving.deserialize_keras_object(json.loads(text), safe_mode=False)
    np.testing.assert_allclose(clone.predict(np.ones((2, 3), "float32"), verbose=0), 3.0)


def test_named_function_lambda_needs_no_unsafe_mode():
    model = keras.Sequential([keras.Input((3,)), keras.layers.Lambda(keras.activations.relu)])
    clone = keras.models.model_from_json(model.to_json())
    np.testing.assert_allclose(clone.predict(-np.ones((2, 3), "float32"), verbose=0), 0.0)


def test_builtin_function_lambda_round_trips():
    model = keras.Sequential([keras.Input((3,)), keras.layers.Lambda(abs)])
    config = json.loads(model.to_json())
    assert (
        config["config"]["layers"][1]["config"]["function"]["class_name"]
        == "builtin_function_or_method"
    )
    clone = keras.models.model_from_json(model.to_json())
    np.testing.assert_allclose(clone.predict(-np.ones((2, 3), "float32"), verbose=0), 1.0)


def _builtins(k):
    schedule = k.optimizers.schedules.PiecewiseConstantDecay([1, 2], [0.1, 0.01, 0.001])
    return {
        "loss": k.losses.MeanSquaredError(),
        "metric": k.metrics.MeanSquaredError(),
        "optimizer": k.optimizers.Adam(schedule, name="adam"),
        "schedule": schedule,
        "loss_scale": k.optimizers.LossScaleOptimizer(k.optimizers.SGD(name="sgd"), name="scaled"),
        "wrapper": k.metrics.MeanMetricWrapper(k.losses.mean_squared_error),
        "layer": k.layers.Layer(),
        "loss_base": k.losses.Loss(),
        "dense": k.layers.Dense(2),
    }


def test_public_names_come_from_the_export_registry_as_keras_writes_them():
    pytest.importorskip("tensorflow")
    import keras as keras_real

    ours, theirs = _builtins(keras), _builtins(keras_real)
    for key in ours:
        mine = saving.serialize_keras_object(ours[key])
        real = keras_real.saving.serialize_keras_object(theirs[key])
        assert (mine["module"], mine["class_name"], mine["registered_name"]) == (
            real["module"],
            real["class_name"],
            real["registered_name"],
        ), key
        if key not in ("layer", "dense"):  # layer configs: see the config sweep tests
            assert json.dumps(mine) == json.dumps(real), key
    assert (
        saving.serialize_keras_object(ours["layer"])["module"] == "keras"
    )  # Keras' canonical keras.Layer


def test_losses_metrics_and_optimizers_serialize_through_serialization_lib():
    loss = keras.losses.LossFunctionWrapper(keras.losses.mean_absolute_error, name="wrapped")
    config = keras.losses.serialize(loss)
    assert config == saving.serialize_keras_object(loss)
    assert config["config"]["fn"] == {
        "module": "builtins",
        "class_name": "function",
        "config": "mean_absolute_error",
        "registered_name": "function",
    }
    assert keras.losses.deserialize(config).fn is keras.losses.mean_absolute_error
    assert keras.losses.deserialize("mae") is keras.losses.mean_absolute_error
    with pytest.raises(ValueError, match="Could not interpret loss function identifier: nope"):
        keras.losses.deserialize("nope")
    optimizer = keras.optimizers.deserialize(keras.optimizers.serialize(keras.optimizers.Adam(0.5)))
    assert (
        isinstance(optimizer, keras.optimizers.Adam)
        and optimizer.get_config()["learning_rate"] == 0.5
    )
