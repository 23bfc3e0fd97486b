"""Real Keras 3 <-> torchkeras through `.keras`, `.weights.h5` and legacy `.h5` files (run with
the TF venv)."""

import warnings

import numpy as np
import pytest

tf_real = pytest.importorskip("tensorflow")
pytest.importorskip("h5py")
import keras as real_keras  # noqa: E402

from torchkeras import keras  # noqa: E402

RNG = np.random.RandomState(0)
X = RNG.rand(8, 4).astype("float32")
Y = RNG.rand(8, 2).astype("float32")
XF = [RNG.randint(0, 10, (6, 5)).astype("int32"), RNG.rand(6, 2).astype("float32")]


def sequential(k):
    model = k.Sequential(
        [
            k.Input((4,)),
            k.layers.Dense(3, activation="relu"),
            k.layers.BatchNormalization(),
            k.layers.Dense(2),
        ]
    )
    model.compile(optimizer="adam", loss="mse", metrics=["mae"])
    return model


def functional(k):
    ids = k.Input((5,), dtype="int32", name="ids")
    feats = k.Input((2,), name="f")
    embedded = k.layers.Flatten()(k.layers.Embedding(10, 2)(ids))
    dense = k.layers.Dense(2)
    added = k.layers.Add()([dense(feats), dense(feats)])
    mixed = k.layers.BatchNormalization()(k.layers.Concatenate()([embedded, added]))
    return k.Model([ids, feats], k.layers.Dense(1, activation="sigmoid")(mixed))


def subclass(k):
    class TwoDense(k.Model):
        def __init__(self, units=3, **kwargs):
            super().__init__(**kwargs)
            self.units = units
            self.hidden = k.layers.Dense(units, activation="relu")
            self.out = k.layers.Dense(1)

        def call(self, x):
            return self.out(self.hidden(x))

        def get_config(self):
            config = super().get_config()
            config["units"] = self.units
            return config

    return TwoDense


def predict(model, x):
    return np.asarray(model.predict(x, verbose=0))


def trained_sequential(k):
    model = sequential(k)
    model.fit(X, Y, epochs=2, batch_size=4, verbose=0)
    return model


def test_keras_to_torchkeras_sequential_with_optimizer_state(tmp_path):
    source = trained_sequential(real_keras)
    source.save(tmp_path / "k.keras")
    loaded = keras.models.load_model(tmp_path / "k.keras")
    np.testing.assert_allclose(predict(loaded, X), predict(source, X), atol=1e-5)
    for a, b in zip(loaded.optimizer.variables, source.optimizer.variables):
        np.testing.assert_allclose(np.asarray(a.numpy()), np.asarray(b.numpy()), atol=1e-6)


def test_torchkeras_to_keras_sequential_with_optimizer_state(tmp_path):
    source = trained_sequential(keras)
    source.save(tmp_path / "t.keras")
    loaded = real_keras.models.load_model(tmp_path / "t.keras")
    np.testing.assert_allclose(predict(loaded, X), predict(source, X), atol=1e-5)
    assert int(loaded.optimizer.iterations.numpy()) == 4
    for a, b in zip(loaded.optimizer.variables, source.optimizer.variables):
        np.testing.assert_allclose(np.asarray(a.numpy()), np.asarray(b.numpy()), atol=1e-6)


def test_functional_both_ways(tmp_path):
    source = functional(real_keras)
    source.save(tmp_path / "k.keras")
    mine = keras.models.load_model(tmp_path / "k.keras")
    np.testing.assert_allclose(predict(mine, XF), predict(source, XF), atol=1e-5)
    mine.save(tmp_path / "t.keras")
    back = real_keras.models.load_model(tmp_path / "t.keras")
    np.testing.assert_allclose(predict(back, XF), predict(mine, XF), atol=1e-5)


def test_weights_h5_both_ways(tmp_path):
    source = functional(real_keras)
    source.save_weights(tmp_path / "k.weights.h5")
    mine = functional(keras)
    mine.load_weights(tmp_path / "k.weights.h5")
    np.testing.assert_allclose(predict(mine, XF), predict(source, XF), atol=1e-5)
    mine = trained_sequential(keras)
    mine.save_weights(tmp_path / "t.weights.h5")
    theirs = sequential(real_keras)
    theirs.optimizer.build(theirs.trainable_variables)
    theirs.load_weights(tmp_path / "t.weights.h5")
    np.testing.assert_allclose(predict(theirs, X), predict(mine, X), atol=1e-5)


def test_subclassed_both_ways(tmp_path):
    theirs_cls, mine_cls = subclass(real_keras), subclass(keras)
    source = theirs_cls(units=4)
    source(X)
    source.save(tmp_path / "k.keras")
    mine = keras.models.load_model(tmp_path / "k.keras", custom_objects={"TwoDense": mine_cls})
    np.testing.assert_allclose(predict(mine, X), predict(source, X), atol=1e-5)
    mine.save(tmp_path / "t.keras")
    back = real_keras.models.load_model(
        tmp_path / "t.keras", custom_objects={"TwoDense": theirs_cls}
    )
    np.testing.assert_allclose(predict(back, X), predict(mine, X), atol=1e-5)


def test_legacy_h5_model_and_weights(tmp_path):
    source = trained_sequential(real_keras)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        source.save(tmp_path / "legacy.h5")
    loaded = keras.models.load_model(tmp_path / "legacy.h5")
    np.testing.assert_allclose(predict(loaded, X), predict(source, X), atol=1e-5)
    assert int(loaded.optimizer.iterations.numpy()) == 4
    fresh = sequential(keras)
    fresh.load_weights(tmp_path / "legacy.h5")
    np.testing.assert_allclose(predict(fresh, X), predict(source, X), atol=1e-5)


def test_lambda_needs_unsafe_mode_both_ways(tmp_path):
    source = real_keras.Sequential(
        [
            real_keras.Input((4,)),
            real_keras.layers.Lambda(lambda t: t * 2.0),
            real_keras.layers.Dense(2),
        ]
    )
    source.save(tmp_path / "k.keras")
    with pytest.raises(ValueError, match="Requested the deserialization of a `Lambda` layer"):
        keras.models.load_model(tmp_path / "k.keras")
    mine = keras.models.load_model(tmp_path / "k.keras", safe_mode=False)
    np.testing.assert_allclose(predict(mine, X), predict(source, X), atol=1e-5)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        mine.save(tmp_path / "t.keras")
    back = real_keras.models.load_model(tmp_path / "t.keras", safe_mode=False)
    np.testing.assert_allclose(predict(back, X), predict(mine, X), atol=1e-5)


def many_layers(k):
    i = k.Input((4, 6))
    a = k.layers.Dropout(0.3)(k.layers.LayerNormalization()(i))
    b = k.layers.Reshape((24,))(k.layers.Permute((2, 1))(a))
    c = k.layers.Flatten()(a)
    m = k.layers.Subtract()([k.layers.Multiply()([b, c]), c])
    m = k.layers.Minimum()([k.layers.Maximum()([k.layers.Average()([m, c]), c]), c])
    d = k.layers.Dense(
        5,
        activation="tanh",
        kernel_regularizer=k.regularizers.L2(0.01),
        kernel_constraint=k.constraints.MaxNorm(2.0),
    )(m)
    e = k.layers.Activation("softmax")(d)
    r = k.layers.Identity()(k.layers.RepeatVector(2)(e))
    return k.Model(
        i, k.layers.Concatenate()([k.layers.Flatten()(r), k.layers.Dot(axes=-1)([e, e])])
    )


def test_many_layer_kinds_both_ways(tmp_path):
    x = RNG.rand(3, 4, 6).astype("float32")
    source = many_layers(real_keras)
    source.save(tmp_path / "k.keras")
    mine = keras.models.load_model(tmp_path / "k.keras")
    np.testing.assert_allclose(predict(mine, x), predict(source, x), atol=1e-5)
    built_here = many_layers(keras)
    built_here.save(tmp_path / "t.keras")
    back = real_keras.models.load_model(tmp_path / "t.keras")
    np.testing.assert_allclose(predict(back, x), predict(built_here, x), atol=1e-5)


def nested(k, inner_kind):
    if inner_kind == "sequential":
        inner = k.Sequential(
            [k.Input((4,)), k.layers.Dense(3, activation="relu"), k.layers.BatchNormalization()]
        )
    else:
        j = k.Input((4,))
        inner = k.Model(j, k.layers.BatchNormalization()(k.layers.Dense(3, activation="relu")(j)))
    i = k.Input((4,))
    return k.Model(i, k.layers.Dense(2)(inner(i)))


@pytest.mark.parametrize("inner_kind", ["sequential", "functional"])
def test_nested_models_both_ways(tmp_path, inner_kind):
    source = nested(real_keras, inner_kind)
    source.save(tmp_path / "k.keras")
    mine = keras.models.load_model(tmp_path / "k.keras")
    np.testing.assert_allclose(predict(mine, X), predict(source, X), atol=1e-5)
    built_here = nested(keras, inner_kind)
    built_here.save(tmp_path / "t.keras")
    back = real_keras.models.load_model(tmp_path / "t.keras")
    np.testing.assert_allclose(predict(back, X), predict(built_here, X), atol=1e-5)
