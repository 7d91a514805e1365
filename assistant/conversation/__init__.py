"""One turn of a conversation: what is asked (intent), what is known (slots, sessions), the answer."""
