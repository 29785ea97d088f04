"""The one exception the engine raises for bad input."""


class EngineInputError(ValueError):
    """Input the engine cannot use.

    ``errors`` maps a field path (``"seed_color"``, ``"themes.light.text"``)
    to a list of human-readable messages, ready to return from an API.
    """

    def __init__(self, errors: dict[str, list[str]]):
        self.errors = {field: list(messages) for field, messages in errors.items()}
        summary = "; ".join(
            f"{field}: {', '.join(messages)}" for field, messages in sorted(self.errors.items())
        )
        super().__init__(summary or "invalid input")

    @classmethod
    def single(cls, field: str, message: str) -> "EngineInputError":
        """Build an error about one field."""
        return cls({field: [message]})
