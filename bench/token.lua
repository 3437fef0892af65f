-- POST /oauth2/token, client credentials grant; the client's Basic header comes from -H.
wrk.method = "POST"
wrk.body = "grant_type=client_credentials"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
