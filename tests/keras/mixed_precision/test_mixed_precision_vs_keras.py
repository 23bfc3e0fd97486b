"""keras.mixed_precision against real Keras 3: dtypes of layers, outputs and variables, the
optimizer class."""

import numpy as np
import pytest

pytest.importorskip("tensorflow")
import keras as real_keras  # noqa: E402

from torchkeras import keras  # noqa: E402


@pytest.fixture(autouse=True)
def _restore_policies():
    yield
    real_keras.mixed_precision.set_global_policy("float32")
    keras.mixed_precision.set_global_policy("float32")


def _describe(k, policy):
    k.mixed_precision.set_global_policy(policy)
    model = k.Sequential(
        [
            k.Input((3,)),
            k.layers.Dense(4, activation="relu"),
            k.layers.Dense(2, activation="softmax", dtype="float32"),
        ]
    )
    model.compile("rmsprop", "categorical_crossentropy")
    hidden = model.layers[0]
    out_hidden = hidden(np.ones((2, 3), np.float32))
    return {
        "global": repr(k.mixed_precision.global_policy()),
        "model_policy": repr(model.dtype_policy),
        "layers": [
            (layer.compute_dtype, layer.variable_dtype, repr(layer.dtype_policy))
            for layer in model.layers
        ],
        "hidden_out": str(
            np.dtype(
                out_hidden.dtype.name if hasattr(out_hidden.dtype, "name") else out_hidden.dtype
            )
        ),
        "variables": sorted(
            {str(np.dtype(getattr(v.dtype, "name", v.dtype))) for v in model.weights}
        ),
        "predict": str(model.predict(np.ones((2, 3), np.float32), verbose=0).dtype),
        "optimizer": type(model.optimizer).__name__,
        "config_dtype": hidden.get_config()["dtype"]["config"],
    }


@pytest.mark.parametrize("policy", ["float32", "mixed_float16", "mixed_bfloat16"])
def test_dtype_behaviour_matches_keras(policy):
    assert _describe(keras, policy) == _describe(real_keras, policy)


def test_loss_scale_optimizer_sequence_matches_keras():
    def run(k):
        optimizer = k.mixed_precision.LossScaleOptimizer(
            k.optimizers.SGD(0.1), initial_scale=4.0, dynamic_growth_steps=2
        )
        variable = k.Variable(np.ones(2, np.float32))
        trace = []
        for g in [1.0, 1.0, 1.0, np.inf, 1.0, np.nan, 1.0]:
            optimizer.apply([np.full(2, g, np.float32)], [variable])
            trace.append(
                (
                    float(np.asarray(optimizer.dynamic_scale.numpy())),
                    int(np.asarray(optimizer.step_counter.numpy())),
                    int(np.asarray(optimizer.iterations.numpy())),
                    np.asarray(variable.numpy()).round(6).tolist(),
                )
            )
        return (
            trace,
            optimizer.get_config(),
            len(optimizer.variables),
            float(np.asarray(optimizer.scale_loss(2.0))),
        )

    ours, theirs = run(keras), run(real_keras)
    assert ours[0] == theirs[0] and ours[2:] == theirs[2:]
    ours_config, theirs_config = ours[1], theirs[1]
    assert ours_config["initial_scale"] == theirs_config["initial_scale"]
    assert ours_config["dynamic_growth_steps"] == theirs_config["dynamic_growth_steps"]
    assert (
        ours_config["inner_optimizer"]["class_name"]
        == theirs_config["inner_optimizer"]["class_name"]
    )
