import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgendaItemEntity } from './agenda-item.entity.js';
import { AgendaItemsController } from './agenda-items.controller.js';
import { AgendaItemsService } from './agenda-items.service.js';
import { ItemDocumentEntity } from './item-document.entity.js';
import { ItemDocumentsController } from './item-documents.controller.js';
import { ItemDocumentsService } from './item-documents.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([AgendaItemEntity, ItemDocumentEntity])],
  controllers: [AgendaItemsController, ItemDocumentsController],
  providers: [AgendaItemsService, ItemDocumentsService],
})
export class AgendaItemsModule {}
