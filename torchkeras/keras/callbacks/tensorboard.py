"""``keras.callbacks.TensorBoard``: Keras 3.15's callback, writing with ``tf.summary``.

Same run folders (``<log_dir>/train``, ``<log_dir>/validation``), tags (``epoch_loss``,
``epoch_<metric>``, ``epoch_learning_rate``, ``evaluation_<name>_vs_iterations``,
``batch_<name>`` every ``update_freq`` batches, ``<weight path>/histogram`` and ``/image``)
and steps as Keras on TensorFlow.  Differences, all forced by running on torch:

- ``write_graph``: writes the Keras model's JSON config (tag ``keras``, TensorBoard's
  conceptual graph) for Sequential and Functional models, as Keras does; there is no TF
  op graph of the train function to add, so none is written.
- ``profile_batch``: the batches are profiled with ``torch.profiler`` and saved as a
  Chrome trace under ``<log_dir>/train/plugins/profile/<run>/<host>.pt.trace.json`` (Keras'
  torch backend refuses ``profile_batch``; its TF backend writes TF's xplane files there).
- As in Keras 3.15, with an integer ``update_freq`` the last batch's recording condition is
  still active at ``on_epoch_end``: epoch (and validation) summaries are only written when
  that batch's number is a multiple of ``update_freq``.
- Batch hooks only listen (and so only make ``fit`` compute batch logs) when something
  per batch is written: ``update_freq`` not ``"epoch"``, ``profile_batch`` or
  ``write_steps_per_second``.
"""

from __future__ import annotations

import logging
import os
import time
import warnings

import numpy as np

from ...api_export import keras_export
from ... import summary as tf_summary
from ...ops import _tensorboard
from .callback import Callback

__all__ = ["TensorBoard", "keras_model_summary"]


@keras_export("keras.callbacks.TensorBoard")
class TensorBoard(Callback):
    """Enable visualizations for TensorBoard (``tensorboard --logdir=<log_dir>``).

    Args (Keras'): ``log_dir``, ``histogram_freq`` (epochs between weight histograms, 0: off),
    ``write_graph`` (the model's config as a conceptual graph), ``write_images`` (weights as
    images, with the histograms), ``write_steps_per_second``, ``update_freq`` (``"epoch"``,
    ``"batch"`` or every N batches), ``profile_batch`` (a batch or a ``(start, stop)`` range
    profiled with ``torch.profiler``), ``embeddings_freq`` and ``embeddings_metadata`` (the
    projector config and ``.weights.h5`` checkpoints of Embedding layers).

    Example:

    >>> tensorboard_callback = keras.callbacks.TensorBoard(log_dir="./logs")
    >>> model.fit(x_train, y_train, epochs=2, callbacks=[tensorboard_callback])
    """

    def __init__(
        self,
        log_dir="logs",
        histogram_freq=0,
        write_graph=True,
        write_images=False,
        write_steps_per_second=False,
        update_freq="epoch",
        profile_batch=0,
        embeddings_freq=0,
        embeddings_metadata=None,
    ):
        super().__init__()
        _tensorboard.require()
        self.log_dir = str(log_dir)
        self.histogram_freq = histogram_freq
        self.write_graph = write_graph
        self.write_images = write_images
        self.write_steps_per_second = write_steps_per_second
        self.update_freq = 1 if update_freq == "batch" else update_freq
        self.embeddings_freq = embeddings_freq
        self.embeddings_metadata = embeddings_metadata
        self._init_profile_batch(profile_batch)
        self._global_train_batch = 0
        self._global_test_batch = 0
        self._previous_epoch_iterations = 0
        self._batch_start_time = 0
        self._epoch_start_time = 0
        self._writers = {}
        self._prev_summary_state = []
        if self.update_freq != "epoch" or self._should_trace or write_steps_per_second:
            self.on_train_batch_begin = self._on_train_batch_begin
            self.on_train_batch_end = self._on_train_batch_end
            self.on_test_batch_begin = self._on_test_batch_begin

    @property
    def summary(self):
        """The ``tf.summary`` module the callback writes with."""
        return tf_summary

    def set_model(self, model):
        """Sets the model, resets the writers and writes its config (``write_graph``)."""
        self._model = model
        self._log_write_dir = self.log_dir
        self._train_dir = os.path.join(self._log_write_dir, "train")
        self._val_dir = os.path.join(self._log_write_dir, "validation")
        self._writers = {}
        if self.write_graph:
            self._write_keras_model_summary()
        if self.embeddings_freq:
            self._configure_embeddings()

    @property
    def _train_writer(self):
        if "train" not in self._writers:
            self._writers["train"] = tf_summary.create_file_writer(self._train_dir)
        return self._writers["train"]

    @property
    def _val_writer(self):
        if "val" not in self._writers:
            self._writers["val"] = tf_summary.create_file_writer(self._val_dir)
        return self._writers["val"]

    def _write_keras_model_summary(self):
        with self._train_writer.as_default():
            if type(self.model).__name__ in ("Functional", "Sequential"):
                keras_model_summary("keras", self.model, step=0)

    def _configure_embeddings(self):
        from google.protobuf import text_format

        projector = _tensorboard.require("tensorboard.plugins.projector")
        from ..layers.core.embedding import Embedding

        config = projector.ProjectorConfig()
        for layer in self.model.layers:
            if isinstance(layer, Embedding):
                embedding = config.embeddings.add()
                embedding.tensor_name = "layer_with_weights-0/embeddings/.ATTRIBUTES/VARIABLE_VALUE"
                if self.embeddings_metadata is not None:
                    if isinstance(self.embeddings_metadata, str):
                        embedding.metadata_path = self.embeddings_metadata
                    elif layer.name in self.embeddings_metadata.keys():
                        embedding.metadata_path = self.embeddings_metadata.pop(layer.name)
        if self.embeddings_metadata and not isinstance(self.embeddings_metadata, str):
            raise ValueError(
                "Unrecognized `Embedding` layer names passed to "
                "`keras.callbacks.TensorBoard` `embeddings_metadata` argument: "
                f"{self.embeddings_metadata.keys()}"
            )
        os.makedirs(self._log_write_dir, exist_ok=True)
        path = os.path.join(self._log_write_dir, "projector_config.pbtxt")
        with open(path, "w") as out:
            out.write(text_format.MessageToString(config))

    def _push_writer(self, writer, step):
        if self.update_freq == "epoch":
            return

        def should_record():
            return step % self.update_freq == 0

        context = (writer.as_default(step), tf_summary.record_if(should_record))
        self._prev_summary_state.append(context)
        context[0].__enter__()
        context[1].__enter__()

    def _pop_writer(self):
        if self.update_freq == "epoch":
            return
        context = self._prev_summary_state.pop()
        context[1].__exit__(None, None, None)
        context[0].__exit__(None, None, None)

    def _close_writers(self):
        for writer in self._writers.values():
            writer.close()

    def _init_profile_batch(self, profile_batch):
        message = (
            "profile_batch must be a non-negative integer or 2-tuple of positive "
            "integers. A pair of positive integers signifies a range of batches "
            f"to profile. Found: {profile_batch}"
        )
        if isinstance(profile_batch, str):
            profile_batch = [int(part) for part in profile_batch.split(",")]
        if isinstance(profile_batch, int):
            self._start_batch = self._stop_batch = profile_batch
        elif isinstance(profile_batch, (tuple, list)) and len(profile_batch) == 2:
            self._start_batch, self._stop_batch = profile_batch
        else:
            raise ValueError(message)
        if self._start_batch < 0 or self._stop_batch < self._start_batch:
            raise ValueError(message)
        self._profiler = None
        self._batch_trace_context = None
        self._is_tracing = False
        self._should_trace = not (self._start_batch == 0 and self._stop_batch == 0)

    def on_train_begin(self, logs=None):
        self._global_train_batch = 0
        self._previous_epoch_iterations = 0
        self._push_writer(self._train_writer, self._global_train_batch)

    def on_train_end(self, logs=None):
        self._pop_writer()
        if self._is_tracing:
            self._stop_trace()
        self._close_writers()

    def on_test_begin(self, logs=None):
        self._push_writer(self._val_writer, self._global_test_batch)

    def on_test_end(self, logs=None):
        if self.model.optimizer is not None and hasattr(self.model.optimizer, "iterations"):
            with self._val_writer.as_default():
                for name, value in (logs or {}).items():
                    tf_summary.scalar(
                        f"evaluation_{name}_vs_iterations",
                        value,
                        step=self.model.optimizer.iterations,
                    )
        self._pop_writer()

    def _on_train_batch_begin(self, batch, logs=None):
        self._global_train_batch += 1
        if self.update_freq != "epoch":
            self._pop_writer()
            self._push_writer(self._train_writer, self._global_train_batch)
        if self.write_steps_per_second:
            self._batch_start_time = time.time()
        if not self._should_trace:
            return
        if self._global_train_batch == self._start_batch:
            self._start_trace()
        if self._profiler is not None:
            import torch.profiler

            self._batch_trace_context = torch.profiler.record_function("Profiled batch")
            self._batch_trace_context.__enter__()

    def _on_train_batch_end(self, batch, logs=None):
        if self.write_steps_per_second:
            tf_summary.scalar(
                "batch_steps_per_second",
                1.0 / (time.time() - self._batch_start_time),
                step=self._global_train_batch,
            )
        if isinstance(logs, dict):
            for name, value in logs.items():
                tf_summary.scalar(f"batch_{name}", value, step=self._global_train_batch)
        if not self._should_trace or not self._is_tracing:
            return
        if self._batch_trace_context is not None:
            self._batch_trace_context.__exit__(None, None, None)
            self._batch_trace_context = None
            self._profiler.step()
        if self._global_train_batch >= self._stop_batch:
            self._stop_trace()

    def _on_test_batch_begin(self, batch, logs=None):
        self._global_test_batch += 1
        if self.update_freq != "epoch":
            self._pop_writer()
            self._push_writer(self._val_writer, self._global_test_batch)

    def on_epoch_begin(self, epoch, logs=None):
        if self.write_steps_per_second:
            self._previous_epoch_iterations = float(np.asarray(self.model.optimizer.iterations))
            self._epoch_start_time = time.time()

    def on_epoch_end(self, epoch, logs=None):
        """Writes the epoch's metrics, then weight histograms/images and embeddings when due."""
        self._log_epoch_metrics(epoch, logs)
        if self.histogram_freq and epoch % self.histogram_freq == 0:
            self._log_weights(epoch)
        if self.embeddings_freq and epoch % self.embeddings_freq == 0:
            self._log_embeddings(epoch)

    def _start_trace(self):
        tf_summary.trace_on(graph=True, profiler=False)
        self._start_profiler(self._train_dir)
        self._is_tracing = True

    def _stop_trace(self, batch=None):
        if batch is None:
            batch = self._stop_batch
        with self._train_writer.as_default():
            tf_summary.trace_export(name="batch_%d" % batch, step=batch)
        self._stop_profiler()
        self._is_tracing = False

    def _start_profiler(self, logdir):
        if self._profiler is not None:
            return
        from ...ops.summary_trace import Profiler

        try:
            self._profiler = Profiler(logdir)
        except Exception as error:  # as Keras: profiler errors are not fatal  # noqa: BLE001
            logging.error("Failed to start profiler: %s", error)

    def _stop_profiler(self, save=True):
        if self._profiler is None:
            return
        try:
            self._profiler.stop(save=save)
        except Exception as error:  # noqa: BLE001
            logging.error("Failed to stop profiler: %s", error)
        finally:
            self._profiler = None

    def _collect_learning_rate(self, logs):
        from ..optimizers.optimizer import Optimizer

        optimizer = self.model.optimizer
        if hasattr(optimizer, "inner_optimizer"):
            optimizer = optimizer.inner_optimizer
        if hasattr(optimizer, "optimizers"):
            for opt in optimizer.optimizers:
                logs[f"learning_rate_{opt.name}"] = float(np.asarray(opt.learning_rate))
        elif isinstance(optimizer, Optimizer):
            logs["learning_rate"] = float(np.asarray(optimizer.learning_rate))
        return logs

    def _compute_steps_per_second(self):
        iterations = float(np.asarray(self.model.optimizer.iterations))
        elapsed = np.float32(time.time() - self._epoch_start_time)
        return float(np.float32(iterations - self._previous_epoch_iterations) / elapsed)

    def _log_epoch_metrics(self, epoch, logs):
        if not logs:
            return
        train_logs = {k: v for k, v in logs.items() if not k.startswith("val_")}
        val_logs = {k: v for k, v in logs.items() if k.startswith("val_")}
        train_logs = self._collect_learning_rate(train_logs)
        if self.write_steps_per_second:
            train_logs["steps_per_second"] = self._compute_steps_per_second()
        if train_logs:
            with self._train_writer.as_default():
                for name, value in train_logs.items():
                    tf_summary.scalar(f"epoch_{name}", value, step=epoch)
        if val_logs:
            with self._val_writer.as_default():
                for name, value in val_logs.items():
                    tf_summary.scalar(f"epoch_{name[4:]}", value, step=epoch)

    def _log_weights(self, epoch):
        with self._train_writer.as_default():
            for layer in self.model.layers:
                for weight in layer.weights:
                    weight_name = weight.path.replace(":", "_")
                    tf_summary.histogram(f"{weight_name}/histogram", weight, step=epoch)
                    if self.write_images:
                        self._log_weight_as_image(weight, f"{weight_name}/image", epoch)
            self._train_writer.flush()

    def _log_weight_as_image(self, weight, weight_name, epoch):
        from ..config import image_data_format

        image = np.squeeze(np.asarray(weight))
        shape = image.shape
        if len(shape) == 1:
            image = image.reshape(1, shape[0], 1, 1)
        elif len(shape) == 2:
            if shape[0] > shape[1]:
                image = image.T
                shape = image.shape
            image = image.reshape(1, shape[0], shape[1], 1)
        elif len(shape) == 3:
            if image_data_format() == "channels_last":
                image = np.transpose(image, [2, 0, 1])
                shape = image.shape
            image = image.reshape(shape[0], shape[1], shape[2], 1)
        if image.ndim == 4 and image.shape[-1] in (1, 3, 4):
            tf_summary.image(weight_name, image, step=epoch)

    def _log_embeddings(self, epoch):
        path = os.path.join(
            self._log_write_dir, "train", f"keras_embedding.ckpt-{epoch}.weights.h5"
        )
        self.model.save_weights(path)


def keras_model_summary(name, data, step=None):
    """Writes a Keras model's JSON config as a ``graph_keras_model`` summary (TensorBoard's
    conceptual graph); returns False (with a warning) when the model cannot be serialized."""
    summary_pb2 = _tensorboard.require("tensorboard.compat.proto.summary_pb2")
    metadata = summary_pb2.SummaryMetadata()
    metadata.plugin_data.plugin_name = "graph_keras_model"
    metadata.plugin_data.content = b"1"
    try:
        json_string = data.to_json()
    except Exception as exc:  # noqa: BLE001
        warnings.warn(f"Model failed to serialize as JSON. Ignoring... {exc}", stacklevel=1)
        return False
    return tf_summary.write(tag=name, tensor=json_string, step=step, metadata=metadata)
