from django.apps import AppConfig


class LettersConfig(AppConfig):
    name = "imr_archive.letters"
    verbose_name = "Letters"

    def ready(self) -> None:
        from imr_archive.letters import signals  # noqa: F401 - connects the index hooks
