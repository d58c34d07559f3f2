package dev.flinkctl.control.rest;

/**
 * Response bodies in the shapes Flink 1.20 sends, extra fields included, so the tests also show
 * that unknown fields are ignored.
 */
public final class FlinkResponses {
  public static final String JOB_ID = "8f1c2a4d5e6f7a8b9c0d1e2f3a4b5c6d";
  public static final String SOURCE_VERTEX = "cbc357ccb763df2852fee8c4fc7d55f2";
  public static final String SINK_VERTEX = "9dd63673dd41ea021b896d5203f3ba7c";

  private FlinkResponses() {
  }

  public static final String OVERVIEW = """
      {"taskmanagers":1,"slots-total":2,"slots-available":0,"jobs-running":1,"jobs-finished":0,
       "jobs-cancelled":1,"jobs-failed":0,"flink-version":"1.20.3","flink-commit":"cc4cf8d"}
      """;

  static final String JOBS_OVERVIEW = """
      {"jobs":[
        {"jid":"8f1c2a4d5e6f7a8b9c0d1e2f3a4b5c6d","name":"orders-enrichment","start-time":1718000000000,
         "end-time":-1,"duration":123456,"state":"RUNNING","last-modification":1718000003000,
         "tasks":{"running":4,"canceling":0,"canceled":0,"total":4,"created":0,"scheduled":0,
                  "deploying":0,"reconciling":0,"finished":0,"initializing":0,"failed":0},
         "pending-operators":0},
        {"jid":"0a1b2c3d4e5f60718293a4b5c6d7e8f9","name":"orders-enrichment","start-time":1717990000000,
         "end-time":1717999000000,"duration":9000000,"state":"CANCELED","last-modification":1717999000000,
         "tasks":{"running":0,"canceling":0,"canceled":4,"total":4,"created":0,"scheduled":0,
                  "deploying":0,"reconciling":0,"finished":0,"initializing":0,"failed":0}},
        {"jid":"ffffffffffffffffffffffffffffffff","name":"from-the-future","start-time":1718000000000,
         "end-time":-1,"duration":5,"state":"SOME_FUTURE_STATE","last-modification":1718000000000,
         "tasks":{"total":1,"created":1}}
      ]}
      """;

  public static final String JOB_DETAILS = """
      {"jid":"8f1c2a4d5e6f7a8b9c0d1e2f3a4b5c6d","name":"orders-enrichment","isStoppable":false,
       "state":"RUNNING","job-type":"STREAMING","start-time":1718000000000,"end-time":-1,
       "duration":123456,"maxParallelism":-1,"now":1718000123456,
       "timestamps":{"CREATED":1718000000000,"INITIALIZING":1717999999900,"RUNNING":1718000000500,
                     "FAILED":0,"CANCELED":0,"FINISHED":0,"SUSPENDED":0,"RESTARTING":0,
                     "FAILING":0,"CANCELLING":0,"RECONCILING":0},
       "vertices":[
         {"id":"cbc357ccb763df2852fee8c4fc7d55f2","slotSharingGroupId":"a9f1e2d3c4b5a6978877665544332211",
          "name":"Source: orders -> Map","maxParallelism":128,"parallelism":2,"status":"RUNNING",
          "start-time":1718000000600,"end-time":-1,"duration":122856,
          "tasks":{"running":2,"canceling":0,"canceled":0,"created":0,"scheduled":0,"deploying":0,
                   "reconciling":0,"finished":0,"initializing":0,"failed":0},
          "metrics":{"read-bytes":0,"read-bytes-complete":true,"write-bytes":52110,
                     "write-bytes-complete":true,"read-records":0,"read-records-complete":true,
                     "write-records":1500,"write-records-complete":true,"accumulated-backpressured-time":0,
                     "accumulated-idle-time":120000,"accumulated-busy-time":"NaN"}},
         {"id":"9dd63673dd41ea021b896d5203f3ba7c","slotSharingGroupId":"a9f1e2d3c4b5a6978877665544332211",
          "name":"KeyedProcess -> Sink: enriched","maxParallelism":128,"parallelism":2,"status":"RUNNING",
          "start-time":1718000000700,"end-time":-1,"duration":122756,
          "tasks":{"running":2,"canceling":0,"canceled":0,"created":0,"scheduled":0,"deploying":0,
                   "reconciling":0,"finished":0,"initializing":0,"failed":0},
          "metrics":{"read-bytes":52110,"write-bytes":0}}
       ],
       "status-counts":{"RUNNING":2,"CANCELING":0,"CANCELED":0,"CREATED":0,"SCHEDULED":0,
                        "DEPLOYING":0,"RECONCILING":0,"FINISHED":0,"INITIALIZING":0,"FAILED":0},
       "plan":{"jid":"8f1c2a4d5e6f7a8b9c0d1e2f3a4b5c6d","name":"orders-enrichment","type":"STREAMING",
               "nodes":[{"id":"cbc357ccb763df2852fee8c4fc7d55f2","parallelism":2,"operator":"",
                         "operator_strategy":"","description":"Source: orders<br/>Map<br/>"}]}}
      """;

  static final String JAR_UPLOADED = """
      {"filename":"/tmp/flink-web-5d3f0c1e/flink-web-upload/3d0e7a5c-1b2a-4c8e-9f00-5a6b7c8d9e0f_orders-job.jar",
       "status":"success"}
      """;

  static final String JAR_ID = "3d0e7a5c-1b2a-4c8e-9f00-5a6b7c8d9e0f_orders-job.jar";

  static final String JAR_RUN = """
      {"jobid":"8f1c2a4d5e6f7a8b9c0d1e2f3a4b5c6d"}
      """;

  static final String TRIGGERED = """
      {"request-id":"5f1e3c7a9b2d4e6f8a0c1b3d5e7f9a1b"}
      """;

  static final String SAVEPOINT_IN_PROGRESS = """
      {"status":{"id":"IN_PROGRESS"},"operation":null}
      """;

  static final String SAVEPOINT_COMPLETED = """
      {"status":{"id":"COMPLETED"},
       "operation":{"location":"file:/var/flink/savepoints/savepoint-8f1c2a-0b1c2d3e4f5a"}}
      """;

  static final String SAVEPOINT_FAILED = """
      {"status":{"id":"COMPLETED"},
       "operation":{"failure-cause":{
         "class":"java.util.concurrent.CompletionException",
         "stack-trace":"java.util.concurrent.CompletionException: org.apache.flink.runtime.checkpoint.CheckpointException: Task Source: orders (1/2) is not running.\\n\\tat java.base/java.util.concurrent.CompletableFuture.encodeThrowable(CompletableFuture.java:332)\\n\\tat java.base/java.lang.Thread.run(Thread.java:840)\\nCaused by: org.apache.flink.runtime.checkpoint.CheckpointException: Task Source: orders (1/2) is not running.\\n\\tat org.apache.flink.runtime.checkpoint.CheckpointCoordinator.triggerCheckpoint(CheckpointCoordinator.java:540)\\nCaused by: org.apache.flink.runtime.checkpoint.CheckpointException: Not all required tasks are currently running.\\n\\t... 12 more\\n",
         "serialized-throwable":"rO0ABXNyADBvcmcuYXBhY2hlLmZsaW5rLnV0aWwuU2VyaWFsaXplZFRocm93YWJsZQ=="}}}
      """;

  public static final String CHECKPOINTS = """
      {"counts":{"restored":1,"total":13,"in_progress":1,"completed":11,"failed":1},
       "summary":{"checkpointed_size":{"min":1024,"max":4096,"avg":2048,"p50":2048,"p90":4096,
                                       "p95":4096,"p99":4096,"p999":4096},
                  "state_size":{"min":1024,"max":4096,"avg":2048},
                  "end_to_end_duration":{"min":35,"max":310,"avg":92}},
       "latest":{
         "completed":{"className":"completed","id":11,"status":"COMPLETED","is_savepoint":false,
                      "savepointFormat":null,"trigger_timestamp":1718000110000,
                      "latest_ack_timestamp":1718000110092,"checkpointed_size":2048,"state_size":2048,
                      "end_to_end_duration":92,"alignment_buffered":0,"processed_data":0,
                      "persisted_data":0,"num_subtasks":4,"num_acknowledged_subtasks":4,
                      "checkpoint_type":"CHECKPOINT","tasks":{},
                      "external_path":"file:/var/flink/checkpoints/8f1c2a4d5e6f7a8b9c0d1e2f3a4b5c6d/chk-11",
                      "discarded":false},
         "savepoint":null,
         "failed":{"className":"failed","id":9,"status":"FAILED","is_savepoint":false,
                   "trigger_timestamp":1718000090000,"latest_ack_timestamp":-1,
                   "failure_timestamp":1718000100000,"failure_message":"Checkpoint expired before completing."},
         "restored":{"id":7,"restore_timestamp":1718000000400,"is_savepoint":true,
                     "external_path":"file:/var/flink/savepoints/savepoint-0a1b2c-5e6f7a8b9c0d"}},
       "history":[]}
      """;

  static final String CHECKPOINTS_NONE_YET = """
      {"counts":{"restored":0,"total":0,"in_progress":0,"completed":0,"failed":0},
       "summary":{},
       "latest":{"completed":null,"savepoint":null,"failed":null,"restored":null},
       "history":[]}
      """;

  static final String VERTEX_METRICS = """
      [{"id":"busyTimeMsPerSecond","min":120.0,"max":870.0,"avg":495.0,"sum":990.0,"skew":75.0},
       {"id":"backPressuredTimeMsPerSecond","min":0.0,"max":12.0,"avg":6.0,"sum":12.0,"skew":100.0}]
      """;

  /**
   * The names a chained Kafka source vertex ("Source: orders -> Map") lists on 1.20: task metrics
   * bare, operator metrics behind the operator name with ' ', ':', '.' and ',' made '_', the
   * KafkaSourceReader's per-partition groups as topic.NAME.partition.N.
   */
  public static final String KAFKA_SOURCE_METRIC_NAMES = """
      [{"id":"numRecordsInPerSecond"},{"id":"busyTimeMsPerSecond"},{"id":"idleTimeMsPerSecond"},
       {"id":"backPressuredTimeMsPerSecond"},{"id":"Source__orders.numRecordsOut"},
       {"id":"Source__orders.pendingRecords"},{"id":"Source__orders.currentFetchEventTimeLag"},
       {"id":"Source__orders.KafkaSourceReader.commitsSucceeded"},
       {"id":"Source__orders.KafkaSourceReader.topic.orders.partition.0.currentOffset"},
       {"id":"Source__orders.KafkaSourceReader.topic.orders.partition.0.committedOffset"},
       {"id":"Source__orders.KafkaSourceReader.topic.orders.partition.1.currentOffset"},
       {"id":"Source__orders.KafkaSourceReader.topic.orders.partition.2.currentOffset"},
       {"id":"Source__orders.KafkaSourceReader.topic.orders.partition.3.currentOffset"},
       {"id":"Source__orders.KafkaSourceReader.topic.orders.partition.3.committedOffset"},
       {"id":"Source__orders.KafkaSourceReader.KafkaConsumer.records-lag-max"},
       {"id":"Map.numRecordsIn"},{"id":"Map.numRecordsOut"}]
      """;

  static final String BACKPRESSURE = """
      {"status":"ok","backpressure-level":"low","end-timestamp":1718000120000,
       "subtasks":[
         {"subtask":0,"attempt-number":0,"backpressure-level":"ok","ratio":0.05,"idleRatio":0.6,"busyRatio":0.35},
         {"subtask":1,"attempt-number":0,"backpressure-level":"low","ratio":0.31,"idleRatio":0.1,"busyRatio":0.59}]}
      """;

  static final String BACKPRESSURE_NOT_YET = """
      {"status":"deprecated"}
      """;

  static final String RESOURCE_REQUIREMENTS = """
      {"cbc357ccb763df2852fee8c4fc7d55f2":{"parallelism":{"lowerBound":1,"upperBound":2}},
       "9dd63673dd41ea021b896d5203f3ba7c":{"parallelism":{"lowerBound":1,"upperBound":4}}}
      """;

  static final String TASK_MANAGERS = """
      {"taskmanagers":[
        {"id":"127.0.0.1:36745-5c2d2e","path":"pekko.tcp://flink@127.0.0.1:36745/user/rpc/taskmanager_0",
         "dataPort":40407,"jmxPort":-1,"timeSinceLastHeartbeat":1718000120500,"slotsNumber":2,"freeSlots":0,
         "totalResource":{"cpuCores":2.0,"taskHeapMemory":383,"taskOffHeapMemory":0,"managedMemory":512,
                          "networkMemory":128,"extendedResources":{}},
         "freeResource":{"cpuCores":0.0,"taskHeapMemory":0,"taskOffHeapMemory":0,"managedMemory":0,
                         "networkMemory":0,"extendedResources":{}},
         "hardware":{"cpuCores":2,"physicalMemory":8323002368,"freeMemory":536870912,"managedMemory":536870920},
         "memoryConfiguration":{"frameworkHeap":134217728,"taskHeap":402653174,"frameworkOffHeap":134217728,
                                "taskOffHeap":0,"networkMemory":134217730,"managedMemory":536870920,
                                "jvmMetaspace":268435456,"jvmOverhead":201326592,"totalFlinkMemory":1342177280,
                                "totalProcessMemory":1811939328},
         "blocked":false}]}
      """;

  static final String CONFIG = """
      {"refresh-interval":3000,"timezone-name":"Coordinated Universal Time","timezone-offset":0,
       "flink-version":"1.20.3","flink-revision":"cc4cf8d @ 2025-09-20T14:02:17+02:00",
       "features":{"web-submit":true,"web-cancel":false,"web-rescale":false,"web-history":false}}
      """;

  static final String INTERNAL_ERROR = """
      {"errors":["Internal server error.","<Exception on server side:\\norg.apache.flink.client.program.ProgramInvocationException: The main method caused an error: missing --topic\\n\\tat org.apache.flink.client.program.PackagedProgram.callMainMethod(PackagedProgram.java:373)\\nCaused by: java.lang.IllegalArgumentException: missing --topic\\n\\tat com.example.OrdersJob.main(OrdersJob.java:21)\\n\\nEnd of exception on server side>"]}
      """;

  static final String LEADER_ELECTION = """
      {"errors":["Service temporarily unavailable due to an ongoing leader election. Please refresh."]}
      """;
}
