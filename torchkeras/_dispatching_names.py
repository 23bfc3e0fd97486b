"""The ``tf.*`` functions whose arguments TF 2.21 binds with its type-based API dispatcher.

These are the functions TF decorates with ``add_dispatch_support``: the dispatcher (C++) binds a
call before the function runs, with its own messages (a call missing an argument raises
``TypeError("Missing required positional argument")``; see ``_dispatch_args``).  Recorded from
TF 2.21: the exported functions with a required argument whose call without arguments raises
that message (``tf.raw_ops`` and ``tf.compat`` excluded).
"""

__all__ = ["DISPATCHING"]

_BY_NAMESPACE = {
    "tf": (
        "Assert abs acos add add_n argmax argmin argsort assert_equal assert_greater assert_less "
        "assert_rank batch_to_space boolean_mask broadcast_dynamic_shape broadcast_static_shape "
        "case cast clip_by_global_norm clip_by_norm clip_by_value complex concat cond "
        "convert_to_tensor cumsum divide edit_distance eig eigvals ensure_shape equal exp "
        "expand_dims eye fill fingerprint floor foldl foldr gather gather_nd "
        "histogram_fixed_width histogram_fixed_width_bins identity linspace matmul multiply norm "
        "not_equal one_hot ones ones_like pad parallel_stack pow range rank reduce_all reduce_any "
        "reduce_logsumexp reduce_max reduce_mean reduce_min reduce_prod reduce_sum repeat reshape "
        "reverse_sequence roll round saturate_cast scalar_mul scan searchsorted sequence_mask "
        "shape shape_n sigmoid sign size slice sort space_to_batch split sqrt squeeze stack "
        "stop_gradient strided_slice subtract tensor_scatter_nd_update tensordot transpose "
        "truediv tuple unique unique_with_counts unstack where zeros zeros_like"
    ),
    "tf.debugging": (
        "Assert assert_all_finite assert_equal assert_greater assert_greater_equal assert_integer "
        "assert_less assert_less_equal assert_near assert_negative assert_non_negative "
        "assert_non_positive assert_none_equal assert_positive assert_proper_iterable assert_rank "
        "assert_rank_at_least assert_rank_in assert_scalar assert_shapes assert_type"
    ),
    "tf.dtypes": ("cast complex saturate_cast"),
    "tf.image": (
        "adjust_brightness adjust_contrast adjust_gamma adjust_hue adjust_jpeg_quality "
        "adjust_saturation central_crop combined_non_max_suppression convert_image_dtype "
        "crop_and_resize crop_to_bounding_box decode_and_crop_jpeg decode_bmp decode_gif "
        "decode_image decode_jpeg decode_jxl decode_png decode_webp draw_bounding_boxes "
        "encode_jpeg encode_png extract_glimpse extract_jpeg_shape extract_patches "
        "flip_left_right flip_up_down generate_bounding_box_proposals grayscale_to_rgb "
        "image_gradients non_max_suppression non_max_suppression_overlaps "
        "non_max_suppression_padded non_max_suppression_with_scores pad_to_bounding_box "
        "per_image_standardization psnr random_brightness random_contrast random_crop "
        "random_flip_left_right random_flip_up_down random_hue random_jpeg_quality "
        "random_saturation resize resize_with_crop_or_pad resize_with_pad rgb_to_grayscale "
        "rgb_to_yiq rgb_to_yuv rot90 sample_distorted_bounding_box sobel_edges ssim "
        "ssim_multiscale stateless_random_brightness stateless_random_contrast "
        "stateless_random_crop stateless_random_flip_left_right stateless_random_flip_up_down "
        "stateless_random_hue stateless_random_jpeg_quality stateless_random_saturation "
        "stateless_sample_distorted_bounding_box total_variation transpose yiq_to_rgb yuv_to_rgb"
    ),
    "tf.io": (
        "decode_and_crop_jpeg decode_bmp decode_csv decode_gif decode_image decode_jpeg "
        "decode_jxl decode_png decode_raw decode_webp deserialize_many_sparse encode_jpeg "
        "encode_png extract_jpeg_shape parse_example parse_sequence_example parse_single_example "
        "parse_single_sequence_example serialize_many_sparse serialize_sparse"
    ),
    "tf.linalg": (
        "adjoint cholesky_solve diag diag_part eig eigh eigh_tridiagonal eigvals eigvalsh expm "
        "eye global_norm l2_normalize logdet lstsq lu_matrix_inverse lu_reconstruct lu_solve "
        "matmul matrix_rank matrix_transpose matvec norm normalize pinv set_diag svd "
        "tensor_diag_part tensordot trace triangular_solve tridiagonal_matmul tridiagonal_solve"
    ),
    "tf.linalg.experimental": ("conjugate_gradient"),
    "tf.math": (
        "abs accumulate_n acos add add_n angle approx_max_k approx_min_k argmax argmin bessel_i0 "
        "bessel_i0e bessel_i1 bessel_i1e bincount ceil confusion_matrix conj count_nonzero "
        "cumprod cumsum cumulative_logsumexp divide divide_no_nan equal erfcinv erfinv exp floor "
        "floordiv imag in_top_k is_non_decreasing is_strictly_increasing l2_normalize lbeta "
        "log_sigmoid log_softmax logical_xor multiply multiply_no_nan ndtri not_equal polyval pow "
        "real reciprocal_no_nan reduce_all reduce_any reduce_euclidean_norm reduce_logsumexp "
        "reduce_max reduce_mean reduce_min reduce_prod reduce_std reduce_sum reduce_variance "
        "round rsqrt scalar_mul sigmoid sign sobol_sample softmax softplus sqrt subtract top_k "
        "truediv unsorted_segment_mean unsorted_segment_sqrt_n xdivy xlog1py zero_fraction"
    ),
    "tf.math.special": (
        "bessel_i0 bessel_i0e bessel_i1 bessel_i1e bessel_j0 bessel_j1 bessel_k0 bessel_k0e "
        "bessel_k1 bessel_k1e bessel_y0 bessel_y1 dawsn expint fresnel_cos fresnel_sin spence"
    ),
    "tf.nn": (
        "approx_max_k approx_min_k atrous_conv2d atrous_conv2d_transpose avg_pool avg_pool1d "
        "avg_pool2d avg_pool3d batch_norm_with_global_normalization batch_normalization bias_add "
        "collapse_repeated compute_accidental_hits compute_average_loss conv1d conv1d_transpose "
        "conv2d conv2d_transpose conv3d conv3d_transpose conv_transpose convolution crelu "
        "ctc_beam_search_decoder ctc_greedy_decoder ctc_loss ctc_unique_labels depth_to_space "
        "depthwise_conv2d depthwise_conv2d_backprop_filter depthwise_conv2d_backprop_input "
        "dilation2d dropout embedding_lookup embedding_lookup_sparse erosion2d "
        "fixed_unigram_candidate_sampler fractional_avg_pool fractional_max_pool gelu in_top_k "
        "isotonic_regression l2_normalize leaky_relu learned_unigram_candidate_sampler "
        "log_poisson_loss log_softmax max_pool max_pool1d max_pool2d max_pool3d "
        "max_pool_with_argmax moments nce_loss normalize_moments pool relu6 "
        "safe_embedding_lookup_sparse sampled_softmax_loss scale_regularization_loss "
        "separable_conv2d sigmoid silu softmax softmax_cross_entropy_with_logits softplus "
        "space_to_batch space_to_depth sparse_softmax_cross_entropy_with_logits "
        "sufficient_statistics swish top_k weighted_cross_entropy_with_logits weighted_moments "
        "with_space_to_batch zero_fraction"
    ),
    "tf.nn.experimental": ("general_dropout stateless_dropout"),
    "tf.quantization": ("dequantize quantize quantize_and_dequantize quantize_and_dequantize_v2"),
    "tf.ragged": (
        "boolean_mask constant cross cross_hashed range row_splits_to_segment_ids "
        "segment_ids_to_row_splits stack stack_dynamic_partitions"
    ),
    "tf.random": (
        "categorical fixed_unigram_candidate_sampler fold_in gamma "
        "learned_unigram_candidate_sampler log_uniform_candidate_sampler normal poisson shuffle "
        "split stateless_binomial stateless_categorical stateless_gamma stateless_normal "
        "stateless_parameterized_truncated_normal stateless_poisson stateless_truncated_normal "
        "stateless_uniform truncated_normal uniform uniform_candidate_sampler"
    ),
    "tf.random.experimental": ("index_shuffle stateless_fold_in stateless_shuffle stateless_split"),
    "tf.sets": ("difference intersection size union"),
    "tf.signal": (
        "dct fftshift frame hamming_window hann_window idct ifftshift inverse_mdct inverse_stft "
        "inverse_stft_window_fn kaiser_bessel_derived_window kaiser_window mdct "
        "mfccs_from_log_mel_spectrograms overlap_and_add stft vorbis_window"
    ),
    "tf.sparse": ("bincount reshape"),
    "tf.strings": (
        "bytes_split format join length ngrams reduce_join regex_full_match regex_replace split "
        "substr to_hash_bucket to_number unicode_decode unicode_decode_with_offsets "
        "unicode_encode unicode_split unicode_split_with_offsets unsorted_segment_join"
    ),
}

DISPATCHING = frozenset(
    namespace + "." + name for namespace, names in _BY_NAMESPACE.items() for name in names.split()
)
