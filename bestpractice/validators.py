from network.validators import validate_image_file

SUBMISSION_IMAGE_MAX_BYTES = 8 * 1024 * 1024
SUBMISSION_IMAGE_MIN_PX = 400
SUBMISSION_IMAGE_MAX_PX = 6000


def validate_submission_image(file):
    """Type (by content), size and dimensions of an image sent with a case study."""
    validate_image_file(
        file,
        max_bytes=SUBMISSION_IMAGE_MAX_BYTES,
        min_px=SUBMISSION_IMAGE_MIN_PX,
        max_px=SUBMISSION_IMAGE_MAX_PX,
    )
