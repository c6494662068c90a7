"""Stage 5, publish: immutable, versioned releases with a manifest and checksums."""

from pipeline.publish.release import PublishResult, publish_release

__all__ = ["PublishResult", "publish_release"]
