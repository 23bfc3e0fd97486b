"""custom_layer_fit: ``mlp_fit`` with the chapter's subclassed ``SimpleDense``
(listing 3.22: ``add_weight`` in ``build``, ``tf.matmul(inputs, W) + b`` then
the activation) instead of ``Dense``: SimpleDense(512, relu) ->
SimpleDense(10, softmax), rmsprop, sparse_categorical_crossentropy, accuracy,
(60000, 784), batch 128, one epoch, ``verbose=0``; against the same
hand-written torch loop as ``mlp_fit``."""

from . import _mlp, mlp_fit
from .simple_dense_call import _simple_dense

DESCRIPTION = "fit(): mlp_fit with the chapter's subclassed SimpleDense layers instead of Dense"
UNIT = "ms"
TARGET = 1.05
REPEATS = 3
THREADS = None

torch_version = mlp_fit.torch_version


def tf_version(tf, smoke):
    x, y = _mlp.data(smoke)
    keras = tf.keras
    simple_dense = _simple_dense(tf)
    model = keras.Sequential(
        [
            keras.Input(shape=(784,)),
            simple_dense(512, activation=tf.nn.relu),
            simple_dense(10, activation=tf.nn.softmax),
        ]
    )
    model.compile(optimizer="rmsprop", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return lambda: model.fit(x, y, batch_size=_mlp.BATCH_SIZE, epochs=1, verbose=0)
