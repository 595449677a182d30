package org.doseledger.core.export.api;

/** Stream identifiers of generated exports: one stream per export, so exports never contend. */
public final class ExportIds {

    private ExportIds() {}

    public static String aggregateId(String exportId) {
        return "export:" + exportId;
    }
}
