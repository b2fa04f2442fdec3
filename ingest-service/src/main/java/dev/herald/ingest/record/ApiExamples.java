package dev.herald.ingest.record;

/**
 * Examples shown in the OpenAPI document.
 */
final class ApiExamples {

	static final String RECORD = """
			{
			  "kind": "MEETING",
			  "title": "XVI meeting of the Council of the CSTO Consultative Coordination Centre for Responding to Computer Incidents",
			  "summary": "The Council of the CSTO CCC held its sixteenth meeting in Moscow.",
			  "occurredOn": "2023-11-13",
			  "place": { "city": "Moscow", "country": "Russia" },
			  "organization": "CSTO",
			  "bodies": ["Council of the Consultative Coordination Centre for Responding to Computer Incidents"],
			  "documentSymbols": [],
			  "topics": [],
			  "language": "en",
			  "sourceUrl": "https://en.odkb-csto.org/"
			}""";

	static final String RECORD_RU = """
			{
			  "kind": "MEETING",
			  "title": "Заседание Совета коллективной безопасности ОДКБ в Минске",
			  "summary": "23 ноября в Минске состоялось заседание Совета коллективной безопасности ОДКБ.",
			  "occurredOn": "2023-11-23",
			  "place": { "city": "Минск", "country": "Беларусь" },
			  "organization": "ОДКБ",
			  "language": "ru"
			}""";

	static final String ACCEPTED = """
			{
			  "id": "0193f1c2-7a4e-7c1b-9d3e-5b2a8f6e1c40",
			  "topics": ["information-security"],
			  "publishedAt": "2023-11-13T16:20:31.512Z"
			}""";

	static final String BATCH = """
			[
			  {
			    "externalId": "csto-2023-11-23-csc",
			    "kind": "MEETING",
			    "title": "Meeting of the CSTO Collective Security Council in Minsk",
			    "summary": "A meeting of the CSTO Collective Security Council was held in Minsk on 23 November.",
			    "occurredOn": "2023-11-23",
			    "organization": "CSTO",
			    "language": "en"
			  },
			  {
			    "externalId": "csto-2023-11-23-bad",
			    "kind": "MEETING",
			    "occurredOn": "23.11.2023",
			    "organization": "CSTO",
			    "language": "en"
			  }
			]""";

	static final String NDJSON = """
			{"externalId":"csto-2023-11-23-csc","kind":"MEETING","title":"Meeting of the CSTO Collective Security Council in Minsk","summary":"A meeting of the CSTO Collective Security Council was held in Minsk on 23 November.","occurredOn":"2023-11-23","organization":"CSTO","language":"en"}
			{"externalId":"csto-2023-11-22-joint","kind":"MEETING","title":"Joint meeting of the CSTO councils","summary":"A joint meeting of the Council of Foreign Ministers and the Council of Defence Ministers was held in Minsk.","occurredOn":"2023-11-22","organization":"CSTO","language":"en"}
			""";

	static final String BATCH_RESULT = """
			{
			  "accepted": 1,
			  "rejected": 1,
			  "notPublished": 0,
			  "items": [
			    {
			      "index": 0,
			      "externalId": "csto-2023-11-23-csc",
			      "status": "accepted",
			      "id": "6c0f4a4e-2f0b-5d8e-9a51-3c7e2b9d4f10",
			      "topics": ["collective-security"],
			      "publishedAt": "2023-11-23T17:05:00.000Z",
			      "location": "http://localhost:8082/api/v1/records/6c0f4a4e-2f0b-5d8e-9a51-3c7e2b9d4f10"
			    },
			    {
			      "index": 1,
			      "externalId": "csto-2023-11-23-bad",
			      "status": "rejected",
			      "errors": [
			        { "field": "occurredOn", "message": "must be a date as YYYY-MM-DD, such as 2023-11-13" },
			        { "field": "summary", "message": "is required unless body is given" },
			        { "field": "title", "message": "is required" }
			      ]
			    }
			  ]
			}""";

	static final String INVALID = """
			{
			  "type": "https://herald.dev/problems/invalid-record",
			  "title": "Invalid record",
			  "status": 400,
			  "detail": "The record has 2 problems, in title, topics[0]; nothing was published.",
			  "instance": "/api/v1/records",
			  "errors": [
			    { "field": "title", "message": "must be a single line without control characters (found U+000A)" },
			    { "field": "topics[0]", "message": "is not a known topic (see knownTopics)" }
			  ],
			  "knownTopics": ["collective-security", "information-security", "peacekeeping"]
			}""";

	static final String UNAVAILABLE = """
			{
			  "type": "https://herald.dev/problems/kafka-unavailable",
			  "title": "Records cannot be published right now",
			  "status": 503,
			  "detail": "Kafka did not acknowledge the record, so it was not accepted. Retry later; with the same Idempotency-Key the record keeps its id.",
			  "instance": "/api/v1/records"
			}""";

	private ApiExamples() {
	}

}
