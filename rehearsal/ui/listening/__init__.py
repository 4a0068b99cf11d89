"""Follow my words in the app: the microphone, the listening worker and what the actor sees."""
