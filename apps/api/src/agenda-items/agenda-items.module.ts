import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgendaItemEntity } from './agenda-item.entity.js';
import { AgendaItemsController } from './agenda-items.controller.js';
import { AgendaItemsService } from './agenda-items.service.js';
import { ItemDocumentEntity } from './item-document.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([AgendaItemEntity, ItemDocumentEntity])],
  controllers: [AgendaItemsController],
  providers: [AgendaItemsService],
})
export class AgendaItemsModule {}
