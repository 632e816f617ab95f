// The HTTP API beside Ponder's built-in /health, /ready, /status and /metrics: SQL over HTTP for
// @ponder/client at /sql/*, and GraphQL at / and /graphql.
import { db } from "ponder:api";
import schema from "ponder:schema";
import { Hono } from "hono";
import { client, graphql } from "ponder";

const app = new Hono();

app.use("/sql/*", client({ db, schema }));
app.use("/", graphql({ db, schema }));
app.use("/graphql", graphql({ db, schema }));

export default app;
