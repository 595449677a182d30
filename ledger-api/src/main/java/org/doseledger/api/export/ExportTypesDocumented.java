package org.doseledger.api.export;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import org.doseledger.projections.export.ExportType;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The export request's {@code type} is one of a closed set, the export types this service has: the API
 * document lists them as an enum, taken from the types themselves so that a new type is documented with
 * no second list to keep.
 */
@Component
class ExportTypesDocumented implements OpenApiCustomizer {

    private final List<String> names;

    ExportTypesDocumented(List<ExportType> types) {
        this.names = types.stream().map(ExportType::name).sorted().toList();
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void customise(OpenAPI document) {
        Schema request = document.getComponents().getSchemas() == null
                ? null
                : document.getComponents().getSchemas().get("CreateExportRequest");
        if (request != null
                && request.getProperties() != null
                && request.getProperties().get("type") != null) {
            Schema type = (Schema) request.getProperties().get("type");
            type.setEnum(new java.util.ArrayList<>(names));
        }
    }
}
