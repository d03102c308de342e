package dev.storyc.diag;

/**
 * The catalog of diagnostic codes. A code is stable forever once released: users search for it,
 * suppress it and link to it. Families own a range each, so stages can grow without collisions:
 *
 * <ul>
 *   <li>E01xx loading the workspace (files, story.toml, paths)</li>
 *   <li>E02xx environments.toml</li>
 *   <li>E03xx release manifests and story selection</li>
 *   <li>E04xx rendering templates</li>
 *   <li>E05xx LookML and dashboard syntax</li>
 *   <li>E06xx cross-layer checks</li>
 *   <li>E07xx output trees and publishing</li>
 *   <li>E08xx warehouse: schema changes, plans and deployments</li>
 *   <li>E09xx ETL runs, data tests and validation</li>
 *   <li>E10xx site and diff</li>
 *   <li>E11xx protected health information: classification, policies, enforcement</li>
 * </ul>
 */
public enum Code {
    // E01xx: workspace loading
    WORKSPACE_NOT_FOUND("E0101", "workspace not found"),
    FILE_UNREADABLE("E0102", "file cannot be read"),
    INVALID_UTF8("E0103", "file is not valid UTF-8"),
    PATH_ESCAPES_WORKSPACE("E0104", "path escapes the workspace"),
    INVALID_STORY_ID("E0105", "invalid story id"),
    STORY_TOML_SYNTAX("E0106", "story.toml is not valid TOML"),
    STORY_FIELD_MISSING("E0107", "story.toml lacks a required field"),
    STORY_FIELD_TYPE("E0108", "story.toml field has the wrong type"),
    STORY_UNKNOWN_FIELD("E0109", "story.toml has an unknown field"),
    STORY_MANIFEST_MISSING("E0110", "story has no story.toml"),
    UNEXPECTED_STORY_FILE("E0111", "file is not part of the story layout"),
    SHALLOW_CLONE_FETCHED("E0112", "a shallow clone lacked pinned trees and storyc fetched its history"),
    NOT_A_FILE("E0113", "a link to a folder, a special file, or a folder where storyc reads a file"),
    BARE_CARRIAGE_RETURN("E0114", "a line ends in a carriage return without a line feed"),
    MERGE_CONFLICT_MARKER("E0115", "a file holds an unresolved merge conflict"),

    // E02xx: environments.toml
    ENV_TOML_SYNTAX("E0201", "environments.toml is not valid TOML"),
    ENV_FIELD_TYPE("E0203", "environment field has the wrong type"),
    ENV_FIELD_MISSING("E0204", "environment lacks a required field"),
    ENV_UNKNOWN_PARENT("E0205", "extends names an unknown environment"),
    ENV_EXTENDS_CYCLE("E0206", "extends forms a cycle"),
    ENV_UNDEFINED_REFERENCE("E0207", "reference to an undefined value"),
    ENV_REFERENCE_CYCLE("E0208", "references form a cycle"),
    ENV_INVALID_NAME("E0210", "invalid environment name"),
    ENV_DUPLICATE("E0211", "environment defined twice"),
    ENV_UNKNOWN_TEMPLATE_PARAM("E0212", "unknown template parameter"),
    ENV_UNKNOWN_FIELD("E0213", "unknown field"),
    ENV_CONSTRAINT("E0214", "value breaks a constraint"),
    ENV_UNKNOWN_SECTION("E0215", "unknown top-level table"),
    ENV_REFUSED_LOOKUP("E0216", "interpolation lookup is not allowed"),
    ENV_VARIABLE_UNSET("E0217", "environment variable is not set"),
    ENV_SECRET_EXPOSED("E0218", "a secret would be exposed"),
    ENV_IMPORT_NOT_FOUND("E0219", "imported file not found"),
    ENV_IMPORT_ESCAPES("E0220", "import leaves the workspace"),
    ENV_IMPORT_PIN_MISMATCH("E0221", "imported file does not match its pin"),
    ENV_IMPORT_UNPINNED("E0222", "import has no sha256 pin"),
    ENV_TYPE_DECLARATION("E0223", "invalid type declaration"),
    SETTING_UNKNOWN("E0224", "unknown setting"),
    SETTING_INVALID("E0225", "setting has an invalid value"),
    SETTINGS_TOML_SYNTAX("E0226", "settings file is not valid TOML"),
    ENV_PRODUCTION_VALUE("E0227", "a non-production environment uses a production value"),
    ENV_SHARE_REFUSED("E0228", "a field cannot be shared with production"),
    ENV_REFERENCE_TOO_LARGE("E0229", "references expand beyond the size limit"),
    ENV_EXTENDS_TOO_DEEP("E0230", "extends chain is too deep"),
    ENV_NONE_DEFINED("E0231", "environments.toml defines no environment"),
    ENV_TAINTED_FIELD("E0232", "a value read from the process reaches a written field"),
    ENV_NESTED_TOO_DEEP("E0233", "values are nested too deeply"),
    ENV_WAREHOUSE_SHARED("E0234", "two environments share a warehouse registry or schema"),
    STORYC_VERSION_MISMATCH("E0250", "this storyc is not a version the workspace requires"),

    // E03xx: releases and selection
    RELEASE_TOML_SYNTAX("E0301", "release manifest is not valid TOML"),
    RELEASE_NOT_FOUND("E0302", "release not found"),
    RELEASE_UNKNOWN_STORY("E0303", "release names an unknown story"),
    RELEASE_DUPLICATE_STORY("E0304", "release names a story twice"),
    RELEASE_FIELD_TYPE("E0305", "release field has the wrong type"),
    REQUIRED_STORY_NOT_INCLUDED("E0306", "required story is not in the release"),
    REQUIRES_CYCLE("E0307", "requires form a cycle"),
    UNKNOWN_REQUIRED_STORY("E0308", "requires names an unknown story"),
    PIN_OBJECT_MISSING("E0309", "a pinned tree is missing"),
    PROTECTED_NEEDS_SEALED_RELEASE("E0310", "protected environment needs a sealed release"),
    STORY_NOT_PINNED("E0311", "story in a sealed release has no pin"),
    SEAL_REFUSED("E0312", "release cannot be sealed"),
    SEALED_RELEASE_IN_USE("E0313", "a protected environment runs this sealed release"),
    PIN_WITHOUT_STORY("E0314", "a pin names a story the release does not list"),
    RELEASE_LAYOUT_UNEDITABLE("E0315", "release manifest cannot be edited in its own layout"),
    RELEASE_NAME_INVALID("E0316", "a release manifest's file name is not a release name"),

    // E04xx: rendering
    TEMPLATE_UNDEFINED_NAME("E0401", "template uses an undefined name"),
    TEMPLATE_SYNTAX("E0402", "template syntax error"),
    TEMPLATE_PARTIAL_NOT_FOUND("E0403", "partial not found"),
    TEMPLATE_PARTIAL_RECURSION("E0404", "partial includes itself"),
    TEMPLATE_RENDERS_SECRET("E0405", "template renders a secret"),
    TEMPLATE_PARTIALS_TOO_DEEP("E0406", "partials are nested too deeply"),
    TEMPLATE_OUTPUT_TOO_LARGE("E0407", "a template renders beyond the size limit"),

    // E05xx: LookML and dashboard syntax
    LOOKML_UNEXPECTED("E0501", "unexpected character in LookML"),
    LOOKML_UNTERMINATED_STRING("E0502", "quoted string is never closed"),
    LOOKML_UNTERMINATED_CODE("E0503", "code block never ends with `;;`"),
    LOOKML_UNCLOSED_BLOCK("E0504", "block is never closed"),
    LOOKML_UNCLOSED_LIST("E0505", "list is never closed"),
    LOOKML_MISSING_COLON("E0506", "key is not followed by `:`"),
    LOOKML_MISSING_VALUE("E0507", "key has no value"),
    LOOKML_EMPTY_LIST_ELEMENT("E0508", "list has an empty element"),
    LOOKML_MISSING_COMMA("E0509", "list elements are not separated by `,`"),
    LOOKML_UNMATCHED_CLOSE("E0510", "closing bracket has no opening one"),
    LOOKML_TOO_DEEP("E0511", "blocks are nested too deeply"),
    DASHBOARD_YAML_SYNTAX("E0512", "dashboard is not valid YAML"),
    DASHBOARD_SHAPE("E0513", "dashboard does not have the expected structure"),
    DASHBOARD_DUPLICATE_KEY("E0514", "dashboard YAML repeats a key"),
    DASHBOARD_TOO_DEEP("E0515", "dashboard YAML is nested too deeply"),

    // E06xx: cross-layer checks, run on each environment's rendered stories
    UNKNOWN_VIEW("E0601", "LookML names a view the environment does not define"),
    UNKNOWN_EXPLORE("E0602", "LookML names an explore the environment does not define"),
    DASHBOARD_WRONG_MODEL("E0603", "dashboard names another model"),
    DASHBOARD_UNKNOWN_EXPLORE("E0604", "dashboard names an explore that does not exist"),
    DASHBOARD_UNKNOWN_FIELD("E0605", "dashboard names a field that does not exist"),
    DASHBOARD_UNKNOWN_FILTER("E0606", "dashboard listens to a filter it does not define"),
    UNKNOWN_TABLE("E0607", "table is neither created by a story nor declared external"),
    DEFINED_TWICE("E0608", "defined twice across stories"),
    STORY_DECLARES_MODEL("E0609", "story LookML declares what belongs to the model"),
    DEPLOY_WITHOUT_REVERT("E0610", "deploy.sql has no revert.sql"),
    ETL_JOB_INVALID("E0611", "ETL job file is invalid"),
    ETL_SCHEDULE_INVALID("E0612", "ETL schedule is not a valid cron expression"),
    ISOLATION_LEAK("E0613", "output names another environment's resources"),
    SECRET_LEAK("E0614", "output contains a secret value"),
    EXTERNAL_TABLES_INVALID("E0615", "external table declaration is invalid"),
    UNKNOWN_FIELD_REFERENCE("E0620", "`${...}` names a field or view that does not exist"),
    UNKNOWN_FIELD_IN_LIST("E0621", "a field list, set, filter or sort names a field or set that does not exist"),
    UNKNOWN_TIMEFRAME("E0622", "a dimension group lists a timeframe or interval Looker does not have"),
    UNKNOWN_CONSTANT("E0623", "`@{...}` names a constant the environment does not define"),
    LIQUID_SYNTAX("E0624", "Liquid syntax error"),
    LIQUID_UNKNOWN_FIELD("E0625", "Liquid names a field that does not exist"),
    UNKNOWN_COLUMN("E0626", "`${TABLE}.column` names a column the table does not have"),
    COLUMNS_NOT_KNOWN("E0627", "a view's columns cannot be known offline"),
    SQL_UNKNOWN_TABLE("E0628", "SQL reads or writes a table no story creates"),
    MISSING_REQUIRES("E0629", "a story uses what another story defines without requiring it"),
    REVERT_EMPTY("E0630", "revert.sql does nothing"),
    REVERT_DROPS_NOTHING_CREATED("E0631", "revert.sql drops nothing deploy.sql creates"),
    UNKNOWN_ACCESS_GRANT("E0632", "an access grant is not declared in the workspace model"),
    UNKNOWN_DATAGROUP("E0633", "a datagroup is not declared in the workspace model"),
    MODEL_FILE_INVALID("E0634", "a workspace model file holds what does not belong in a model"),
    UNUSED_MODEL_DECLARATION("E0635", "an access grant or datagroup of the workspace model is never used"),
    SQL_TRANSACTION_CONTROL("E0636", "a schema or ETL script ends or starts its own transaction"),
    SQL_NUL_CHARACTER("E0637", "SQL sent to the warehouse holds a NUL character"),
    REVERT_DROPS_OTHER_STORY("E0638", "revert.sql drops a table another story creates"),
    SQL_OUTSIDE_TRANSACTION("E0639", "a statement that cannot run inside a transaction"),
    SQL_NOT_RUNNABLE("E0640", "a psql meta-command, or a comment, string or quote that never closes"),
    SQL_UNKNOWN_COLUMN_CHANGED("E0641", "a schema script drops or renames a column its table does not have"),
    DASHBOARD_NAME_TWICE("E0642", "a dashboard has two elements, or two filters, of one name"),
    REVERT_CASCADES("E0643", "revert.sql drops with CASCADE"),
    UNKNOWN_LOOKML_VALUE("E0644", "a `type`, `relationship` or `datatype` has a value Looker does not have"),

    // E07xx: output trees and publishing
    OUTPUT_PATH_CLASH("E0701", "two files map to the same output path"),
    OUTPUT_ROOT_OUTSIDE_WORKSPACE("E0702", "the output root is outside the workspace"),
    OUTPUT_FOLDER_IS_WORKSPACE("E0703", "an output folder is the workspace or holds it"),
    OUTPUT_FOLDER_IN_SOURCES("E0704", "an output folder overlaps the workspace's sources"),
    OUTPUT_FOLDER_OUTSIDE_ROOT("E0705", "an output folder is outside the output root"),
    OUTPUT_FOLDER_SHARED("E0706", "two environments share an output folder"),
    OUTPUT_REMOTE_SHARED("E0707", "two environments share an output remote"),
    OUTPUT_BRANCH_INVALID("E0708", "the output branch is not a valid git branch name"),
    OUTPUT_FOLDER_SYMLINK("E0709", "an output folder's path holds a symbolic link"),
    OUTPUT_FOREIGN_REPOSITORY("E0710", "an output folder holds a git repository storyc did not create"),
    OUTPUT_FOLDER_NOT_EMPTY("E0711", "an output folder holds files and is not a git repository"),

    // E08xx: warehouse deployments
    SCHEMA_CHANGE_FOLDER_INVALID("E0801", "file is not part of a valid schema change"),
    SCHEMA_CHANGE_DUPLICATE("E0802", "two schema changes share a name or number"),
    SCHEMA_CHANGE_INCOMPLETE("E0803", "schema change lacks a script"),
    PINNED_CHANGE_EDITED("E0804", "a schema change pinned by a sealed release was edited"),
    WAREHOUSE_PLAN_INVALID("E0805", "warehouse plan cannot be read"),
    DEPLOYED_CHANGE_EDITED("E0806", "a deployed schema change was edited"),
    DEPLOY_FAILED("E0807", "deploy script failed"),
    VERIFY_FAILED("E0808", "verify script failed"),
    REVERT_FAILED("E0809", "revert script failed"),
    TABLE_RECREATED("E0810", "an apply would drop a table with one story's revert and create it with another's"),
    LOG_ONLY_TABLE_MISSING("E0811", "--log-only would record a change whose table the database lacks"),
    LOG_ONLY_REVERT("E0812", "--log-only would revert a change"),

    // E09xx: ETL runs, data tests and live validation
    ETL_MERGE_WITHOUT_KEY("E0901", "merge job names no key"),
    ETL_KEY_INVALID("E0902", "ETL job key is invalid"),
    ETL_STATEMENT_FAILED("E0903", "ETL job statement failed"),
    ETL_KEY_NOT_UNIQUE("E0904", "ETL job left duplicate keys in its target"),
    ETL_SCHEMA_NOT_DEPLOYED("E0905", "story's schema changes are not deployed"),
    ETL_QUERY_SHAPE("E0907", "ETL job SQL has no statement"),
    DATA_TEST_FAILED("E0911", "data test returned rows"),
    DATA_TEST_ERROR("E0912", "data test SQL failed"),
    DATA_TEST_SHAPE("E0913", "data test is not one query"),
    VALIDATE_FIELD_FAILED("E0921", "field SQL fails in the database"),
    VALIDATE_JOIN_FAILED("E0922", "join SQL fails in the database"),
    VALIDATE_TABLE_FAILED("E0923", "view's table fails in the database"),
    VALIDATE_UNRESOLVED_REFERENCE("E0924", "field SQL names a field that does not exist"),
    VALIDATE_LIQUID_SYNTAX("E0925", "Liquid in field SQL does not parse"),
    CI_LIVE_UNKNOWN_ENVIRONMENT("E0934", "ci.live names no environment that ci compiles"),

    // E10xx: site and diff
    SITE_FOLDER_NOT_A_SITE("E1001", "the site folder holds files storyc did not write"),
    DIFF_UNKNOWN_REF("E1002", "--against names no commit of the workspace"),

    // E11xx: PHI. E1100-E1129: classification files, policies, LookML and dashboards
    PHI_FILE_SYNTAX("E1100", "phi.toml is not valid TOML"),
    PHI_FILE_SHAPE("E1101", "phi.toml holds a key or value it cannot"),
    PHI_UNKNOWN_TABLE("E1102", "phi.toml names a table no schema change creates"),
    PHI_TABLE_NOT_OWNED("E1103", "phi.toml classifies a table another story creates"),
    PHI_UNKNOWN_COLUMN("E1104", "phi.toml names a column the table does not have"),
    PHI_UNKNOWN_CLASS("E1105", "phi.toml names a class of PHI that does not exist"),
    PHI_GENERALIZATION("E1106", "a classification's generalization does not fit its class"),
    PHI_COLUMNS_NOT_KNOWN("E1107", "a classified table's columns cannot be known"),
    PHI_DEVELOPMENT_ALLOWS("E1110", "a development environment allows a class of PHI"),
    PHI_TREATMENT_UNFIT("E1111", "a treatment does not apply to a class of PHI"),
    PHI_NO_SECRET("E1112", "pseudonymize needs phi.secret"),
    PHI_SECRET_NOT_READ("E1113", "phi.secret is written in the file, or empty"),
    PHI_RAW_USE("E1120", "a protected column reaches an output raw"),
    PHI_DASHBOARD_LITERAL("E1121", "a dashboard holds a literal value of a protected field"),
    PHI_LIQUID_RAW("E1122", "Liquid shows a protected value past its treatment"),

    // E1130–E1159: PHI in SQL (ETL jobs, schema scripts, derived tables)
    PHI_SQL_STAR("E1130", "a `*` copies a protected column storyc cannot treat column by column"),
    PHI_SQL_UNKNOWN_FUNCTION("E1131", "a protected value passes through a function storyc does not know"),
    PHI_SQL_UNREAD("E1132", "a SQL statement storyc cannot follow may copy protected columns"),
    PHI_SQL_UNFOLLOWED("E1133", "a stored column reads something storyc cannot follow"),
    PHI_SQL_TARGET_UNKNOWN("E1134", "storyc cannot tell which value a classified column is loaded from");

    private final String id;
    private final String title;

    Code(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /** Returns the stable identifier, such as {@code E0401}. */
    public String id() {
        return id;
    }

    /** Returns a short description of the family of problem, for listings and SARIF rules. */
    public String title() {
        return title;
    }
}
