"""One turn of a conversation: understand what is asked, scope and plan it (slots, sessions), compose the answer."""
