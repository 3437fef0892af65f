-- POST a token to an introspection endpoint; the token comes from the TOKEN environment variable.
wrk.method = "POST"
wrk.body = "token=" .. os.getenv("TOKEN")
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
